/**
 * A view offset on the screen's pixel grid (whole device pixels). A fit centres the picture in a room
 * of any size, and a zoom about the cursor lands anywhere: with the picture's origin half a pixel off
 * the grid, 100 % showed every document pixel as a blend of two screen pixels (grain looked smoothed,
 * found by a retoucher comparing the screen with the file). Photoshop keeps the origin on the grid.
 */
export function onPixelGrid(v: number, dpr = screenPixelRatio()): number {
  return Math.round(v * dpr) / dpr;
}

function screenPixelRatio(): number {
  // The screen's pixels per CSS pixel (none outside a browser: the tests' Node).
  const r = (globalThis as { devicePixelRatio?: number }).devicePixelRatio ?? 1;
  return r > 0 && Number.isFinite(r) ? r : 1;
}
