/** The transparency checkerboard tile (16 screen px) used for empty canvas and the proposed extension. */
let checkerCache: HTMLCanvasElement | null = null;

export function checker(): HTMLCanvasElement {
  if (checkerCache) return checkerCache;
  const c = document.createElement('canvas');
  c.width = c.height = 16;
  const g = c.getContext('2d')!;
  g.fillStyle = '#3a3a3a';
  g.fillRect(0, 0, 16, 16);
  g.fillStyle = '#2c2c2c';
  g.fillRect(0, 0, 8, 8);
  g.fillRect(8, 8, 8, 8);
  checkerCache = c;
  return c;
}
