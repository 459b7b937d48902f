/**
 * Object select's Alt stroke ("not object") only takes away, as Photoshop's Alt does: the cut done
 * again with the stroke as a hint may draw its line elsewhere too, and it brought in parts the
 * selection had left out (on desk-stuff.jpg a stroke on the lighter's body added the pencil's tip).
 */
import type { Coverage } from '../../shared/mask';

/** `next` where `prev` also covers it (the smaller value of the two), over `next`'s rect. */
export function withinCut(next: Coverage, prev: Coverage): Coverage {
  const { x, y, width, height } = next.rect;
  const p = prev.rect;
  const data = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const py = y + row - p.y;
    if (py < 0 || py >= p.height) continue;
    for (let col = 0; col < width; col++) {
      const px = x + col - p.x;
      if (px < 0 || px >= p.width) continue;
      const i = row * width + col;
      data[i] = Math.min(next.data[i], prev.data[py * p.width + px]);
    }
  }
  return { rect: next.rect, data };
}
