/** Test glyphs drawn from ink spans (the rule tests' shared drawing; not used by the app). */
import type { GreyImage } from './glyph-check';

/** Ink spans per row: [y, x0, x1). */
export type Span = [number, number, number];

/** The spans drawn dark (20) on light (235) in a `width` × `height` grey image. */
export function drawSpans(spans: Span[], width: number, height = 120): GreyImage {
  const data = new Uint8Array(width * height).fill(235);
  for (const [y, x0, x1] of spans) for (let x = x0; x < x1; x++) data[y * width + x] = 20;
  return { width, height, data };
}

/** A filled rectangle [x0, x1) × [y0, y1) as spans. */
export const rect = (x0: number, x1: number, y0: number, y1: number): Span[] =>
  Array.from({ length: y1 - y0 }, (_, i) => [y0 + i, x0, x1] as Span);
