/**
 * Whether a wrong candidate is the same image as a right one: the near miss drawn in the same font,
 * size, colours, place and blur as the requested text, compared pixel for pixel (RGBA). Where they
 * are equal (Okolaks's O and 0, Routed Gothic's 1 and l) no reader of the image can tell the wrong
 * candidate from the right one, so the bench reports such a wrong candidate marked right apart
 * ("indistinguishable: same pixels as a right rendering") besides the raw count. Computed per
 * candidate, never assumed per font.
 */
import sharp from 'sharp';
import { renderText, type TextImage } from './render-text';

/** True when both byte arrays hold the same bytes. */
export function samePixels(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** RGBA of `text` drawn as `image` says (blurred by σ `blur` when given), as the bench draws a candidate. */
export async function drawnPixels(image: TextImage, blur?: number): Promise<Uint8Array> {
  const drawn = renderText(image);
  const png = blur ? await sharp(drawn).blur(blur).png().toBuffer() : drawn;
  const raw = await sharp(png).ensureAlpha().raw().toBuffer();
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}

/** Whether `patch` (a candidate drawn as `image` with another text) has the pixels of `expected` drawn the same way. */
export async function sameAsRightRendering(
  patch: Uint8Array,
  image: Omit<TextImage, 'text'>,
  expected: string,
  blur?: number,
): Promise<boolean> {
  return samePixels(patch, await drawnPixels({ ...image, text: expected }, blur));
}
