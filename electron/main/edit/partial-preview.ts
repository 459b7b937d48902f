/**
 * Partial images of a streaming request, shrunk to previews before they go to the renderer: the
 * strip shows them as thumbnails, so a ≤ 512 px JPEG (tens of kB) carries what a full-size PNG
 * (about 1 MB, base64 over the dev host and the e2e harness) did. The latest partial wins: one that
 * arrives while the previous is being shrunk replaces any still waiting, so previews never queue up
 * in front of the final image.
 */
import sharp from 'sharp';

export const PREVIEW_MAX_SIDE = 512;

/** The part of a partial image to show, as fractions of its size (a request padded past the photo's edges). */
export interface PreviewCrop {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export async function shrinkPreview(bytes: Uint8Array, crop?: PreviewCrop): Promise<Uint8Array> {
  let img = sharp(bytes, { limitInputPixels: 64 * 2 ** 20 });
  if (crop) {
    const { width = 0, height = 0 } = await img.metadata();
    const left = Math.round(crop.x0 * width);
    const top = Math.round(crop.y0 * height);
    img = img.extract({
      left,
      top,
      width: Math.max(1, Math.min(width, Math.round(crop.x1 * width)) - left),
      height: Math.max(1, Math.min(height, Math.round(crop.y1 * height)) - top),
    });
  }
  const out = await img
    .resize(PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE, { fit: 'inside', withoutEnlargement: true, kernel: 'linear' })
    .jpeg({ quality: 80 })
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Wraps `send` so partials are shrunk one at a time, latest first; a partial that cannot be read is
 * skipped. With `crop`, only that part of each partial is shown (the region of a padded request).
 */
export function previewPump(
  send: (candidate: number, bytes: Uint8Array) => void,
  crop?: PreviewCrop,
): (candidate: number, bytes: Uint8Array) => void {
  let busy = false;
  let waiting: { candidate: number; bytes: Uint8Array } | null = null;
  const run = async () => {
    busy = true;
    while (waiting) {
      const next = waiting;
      waiting = null;
      try {
        send(next.candidate, await shrinkPreview(next.bytes, crop));
      } catch {
        // a preview is optional: the final image is checked and decoded on its own
      }
    }
    busy = false;
  };
  return (candidate, bytes) => {
    waiting = { candidate, bytes };
    if (!busy) void run();
  };
}
