/**
 * How the bench runs the offline engine: the same path as the app's `local` provider.
 */
import { inpaint, type RgbaImage } from '../../shared/engine';

export async function engineFill(image: RgbaImage, mask: Uint8Array, seed: number, onProgress?: (f: number) => void): Promise<RgbaImage> {
  return inpaint(image, mask, { seed, onProgress });
}
