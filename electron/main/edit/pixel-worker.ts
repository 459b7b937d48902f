/**
 * The pixel worker (a worker thread; pixel-worker-client.ts starts it): runs the sharp pipelines
 * whose outputs are large — a tile's answer decoded, its scale to full size in bands — and copies
 * each output into a buffer main lent from its pool (pixel-pool.ts). sharp's own output buffers are
 * then this isolate's, whose heap is a few MB, so the full collections they cause are cheap here and
 * none falls on main's heap. The pipelines are the ones main runs without the worker, so the bytes
 * are the same (pixel-worker tests).
 */
import { parentPort } from 'node:worker_threads';
import sharp, { type Sharp } from 'sharp';
import type { PixelJob, PixelReply } from './pixel-worker-protocol';

async function run(job: PixelJob): Promise<{ width: number; height: number }> {
  let img: Sharp;
  if (job.source.kind === 'raw') {
    const { sab, width, height } = job.source;
    img = sharp(new Uint8Array(sab, 0, width * height * 4), { raw: { width, height, channels: 4 } });
  } else img = sharp(job.source.bytes, { limitInputPixels: job.source.limitPixels }).ensureAlpha();
  if (job.scale) {
    const { size, win } = job.scale;
    img = img
      .resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' })
      .extract({ left: win.x0, top: win.y0, width: win.x1 - win.x0, height: win.y1 - win.y0 });
  }
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  if (data.byteLength !== job.into.byteLength)
    throw new Error(`the output is ${data.byteLength} bytes, not the ${job.into.byteLength} expected`);
  new Uint8Array(job.into.sab, 0, job.into.byteLength).set(data);
  return { width: info.width, height: info.height };
}

parentPort?.on('message', (job: PixelJob) => {
  run(job).then(
    (r) => parentPort!.postMessage({ id: job.id, ok: true, ...r } satisfies PixelReply),
    (e: unknown) =>
      parentPort!.postMessage({ id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) } satisfies PixelReply),
  );
});
