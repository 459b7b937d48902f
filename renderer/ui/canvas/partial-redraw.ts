/**
 * Redraws one rectangle of a Konva image node on its layer's canvas, nothing else: clears the
 * rectangle's device pixels (plus a 2-px margin for the smoothing filter), clips to them and draws
 * the node's image there with the node's transform and opacity — the same pixels a full redraw of
 * a layer that holds only this node gives there, without clearing and recompositing the whole
 * screen-sized canvas (Konva's `draw()` does). Used by a live layer-mask stroke once per frame.
 */
import type Konva from 'konva';
import type { Rect } from '../../../shared/geometry/rect';

/** `r` is in the node's own units (a layer image: layer px). */
export function redrawNodeRect(node: Konva.Image, r: Rect): void {
  const layer = node.getLayer();
  const image = node.image();
  if (!layer || !image || r.width <= 0 || r.height <= 0) return;
  const canvas = layer.getCanvas();
  const pr = canvas.getPixelRatio();
  const ctx = canvas.getContext()._context as CanvasRenderingContext2D;
  const m = node.getAbsoluteTransform().getMatrix();
  // Device pixels the rectangle covers: the node transform is a scale and a translation here.
  const a = pr * m[0];
  const d = pr * m[3];
  const e = pr * m[4];
  const f = pr * m[5];
  const x0 = Math.max(0, Math.floor(Math.min(r.x * a, (r.x + r.width) * a) + e) - 2);
  const y0 = Math.max(0, Math.floor(Math.min(r.y * d, (r.y + r.height) * d) + f) - 2);
  const x1 = Math.min(canvas.width, Math.ceil(Math.max(r.x * a, (r.x + r.width) * a) + e) + 2);
  const y1 = Math.min(canvas.height, Math.ceil(Math.max(r.y * d, (r.y + r.height) * d) + f) + 2);
  if (x1 <= x0 || y1 <= y0) return;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
  ctx.beginPath();
  ctx.rect(x0, y0, x1 - x0, y1 - y0);
  ctx.clip();
  ctx.setTransform(pr, 0, 0, pr, 0, 0);
  ctx.transform(m[0], m[1], m[2], m[3], m[4], m[5]);
  ctx.globalAlpha = node.getAbsoluteOpacity();
  ctx.globalCompositeOperation = 'source-over';
  ctx.imageSmoothingEnabled = layer.imageSmoothingEnabled();
  ctx.drawImage(image as CanvasImageSource, 0, 0, node.width(), node.height());
  ctx.restore();
}
