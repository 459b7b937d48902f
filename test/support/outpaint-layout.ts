/**
 * An outpaint layout for the chained-tile tests: a real photo placed on a larger canvas, the plan
 * the shared planner makes for it, and the working canvas and unknown map a job starts from.
 */
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { planOutpaint } from '../../shared/geometry';
import { getModel } from '../../shared/models';
import { unknownCanvas } from '../../shared/pixels/outpaint-masks';

export const PHOTOS = resolve(__dirname, '../../../shared/testdata/photos');

/** `photo` placed at `pad` on a canvas `pad` larger on each side, or of `size` when given (a photo against an edge). */
export async function outpaintLayout(
  model: string,
  photo: { width: number; height: number },
  pad: { x: number; y: number },
  size?: { width: number; height: number },
) {
  const canvas = size ?? { width: photo.width + 2 * pad.x, height: photo.height + 2 * pad.y };
  const original = { x: pad.x, y: pad.y, ...photo };
  const plan = planOutpaint({ canvas, original, model: getModel(model)!, quality: 'high', featherPx: 24 } as never);
  if (!plan.ok) throw new Error(plan.reason);
  const pixels = await sharp(join(PHOTOS, 'colorful-cups.jpg'))
    .resize(photo.width, photo.height, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer();
  const working = new Uint8Array(canvas.width * canvas.height * 4);
  for (let y = 0; y < photo.height; y++)
    working.set(pixels.subarray(y * photo.width * 4, (y + 1) * photo.width * 4), ((pad.y + y) * canvas.width + pad.x) * 4);
  return { canvas, plan: plan.tiles, working, unknownMap: unknownCanvas(canvas, original) };
}

/** Layouts with chained tiles (tiles made of an earlier tile's answer): shrunk, enlarged and at the request's size. */
export const CHAINED_LAYOUTS = [
  {
    // (A 2:1 photo to 4:1 is one independent tile per side now: nothing chained.)
    name: 'a square photo to 5.6:1, shrunk to the request (gpt-image-2)',
    model: 'gpt-image-2',
    photo: { width: 1300, height: 1300 },
    pad: { x: 3000, y: 0 },
  },
  // Grown from one edge (around the centre these are one independent tile per side now).
  {
    name: 'a small poster grown to the right, enlarged to the request (gpt-image-2)',
    model: 'gpt-image-2',
    photo: { width: 360, height: 640 },
    pad: { x: 0, y: 0 },
    size: { width: 1500, height: 640 },
  },
  {
    name: 'a narrow photo grown to 2.75:1 at the request size (gpt-image-2)',
    model: 'gpt-image-2',
    photo: { width: 528, height: 960 },
    pad: { x: 0, y: 0 },
    size: { width: 2640, height: 960 },
  },
  {
    name: 'a landscape grown downwards (gpt-image-1.5)',
    model: 'gpt-image-1.5',
    photo: { width: 640, height: 427 },
    pad: { x: 0, y: 0 },
    size: { width: 640, height: 1400 },
  },
];
