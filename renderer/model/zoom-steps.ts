/** The zoom levels the zoom keys (Ctrl/⌘ + and −) step through, as in Photoshop: the canvas and the compare view. */
export const ZOOM_STEPS = [
  0.01, 0.02, 0.03, 0.05, 0.0625, 0.083, 0.125, 0.167, 0.25, 0.333, 0.5, 0.667, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32,
];

/** The next zoom level above (dir 1) or below (dir −1) `scale`, or `scale` itself at the end of the list. */
export function nextZoomStep(scale: number, dir: 1 | -1): number {
  const next = dir > 0 ? ZOOM_STEPS.find((z) => z > scale * 1.001) : [...ZOOM_STEPS].reverse().find((z) => z < scale / 1.001);
  return next ?? scale;
}
