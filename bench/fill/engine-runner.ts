/**
 * How the bench runs the offline engine: the app's `local` path (electron/main/providers), i.e.
 * the fill split into independent jobs on worker threads (needs `npm run build` for
 * out/main/local-worker.js; `npm run bench` builds first). MASKWORK_ENGINE_THREADS=1 runs one thread.
 */
import type { RgbaImage } from '../../shared/engine';
import { runFillParallel } from '../../electron/main/providers/local-parallel';

export async function engineFill(image: RgbaImage, mask: Uint8Array, seed: number, onProgress?: (f: number) => void): Promise<RgbaImage> {
  const rgba = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const [out] = await runFillParallel(
    { width: image.width, height: image.height, rgba, mask, seed },
    1,
    new AbortController().signal,
    onProgress,
    { heartbeat: false },
  );
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(out.buffer, out.byteOffset, out.byteLength) };
}
