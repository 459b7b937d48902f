/**
 * Partial images of a streaming request, shrunk to previews before they go to the renderer: the
 * strip shows them as thumbnails, so a ≤ 512 px JPEG (tens of kB) carries what a full-size PNG
 * (about 1 MB, base64 over the dev host and the e2e harness) did. The latest partial wins: one that
 * arrives while the previous is being shrunk replaces any still waiting, so previews never queue up
 * in front of the final image.
 */
import sharp from 'sharp';

export const PREVIEW_MAX_SIDE = 512;

export async function shrinkPreview(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await sharp(bytes, { limitInputPixels: 64 * 2 ** 20 })
    .resize(PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE, { fit: 'inside', withoutEnlargement: true, kernel: 'linear' })
    .jpeg({ quality: 80 })
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Wraps `send` so partials are shrunk one at a time, latest first; a partial that cannot be read is skipped. */
export function previewPump(send: (candidate: number, bytes: Uint8Array) => void): (candidate: number, bytes: Uint8Array) => void {
  let busy = false;
  let waiting: { candidate: number; bytes: Uint8Array } | null = null;
  const run = async () => {
    busy = true;
    while (waiting) {
      const next = waiting;
      waiting = null;
      try {
        send(next.candidate, await shrinkPreview(next.bytes));
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
