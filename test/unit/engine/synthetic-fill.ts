/** A synthetic fill input for the engine worker tests: a patterned image with its middle ninth masked. */
export function syntheticFill(w: number, h: number): { rgba: Uint8Array; mask: Uint8Array } {
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) rgba.set([(x * 7) & 255, (y * 5) & 255, ((x ^ y) * 3) & 255, 255], (y * w + x) * 4);
  const mask = new Uint8Array(w * h);
  for (let y = Math.floor(h / 3); y < Math.floor((2 * h) / 3); y++)
    mask.fill(255, y * w + Math.floor(w / 3), y * w + Math.floor((2 * w) / 3));
  return { rgba, mask };
}
