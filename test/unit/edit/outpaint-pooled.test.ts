/**
 * An outpaint's answers decoded and scaled in the pixel worker, into pooled buffers (pixel-pool.ts):
 * the same requests and the same patch as with the pipelines on main (MASKWORK_PIXEL_WORKER=0); a
 * job that succeeded gives its buffers to the next one; a job that failed gives none back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import type { startOpenAIServer } from '../../servers';
import { startMainWithServers, type CloudHarness, type MainHarness } from '../../support/main-harness';
import { extendToAspect } from '../../../shared/geometry';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import { pixelPoolStats, resetPixelPool } from '../../../electron/main/edit/pixel-pool';
import { pixelWorkerJobs, pixelWorkerRunning, stopPixelWorker } from '../../../electron/main/edit/pixel-worker-client';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let main: MainHarness;
let cloud: CloudHarness;
let wide: RequestOf<'outpaint:start'>;

beforeAll(async () => {
  cloud = await startMainWithServers({ MASKWORK_STREAM: '0', MASKWORK_MAX_RETRIES: '0' });
  ({ openai, main } = cloud);
  const png = await sharp(join(PHOTOS, 'sign-sports-centre.jpg')).resize(360, 640, { fit: 'cover' }).png().toBuffer();
  const img = await main.call('image:import', { bytes: new Uint8Array(png), name: 'poster.png' });
  // Grown from its left edge: two tiles, the second made of the first one's answer.
  const ext = extendToAspect({ width: 360, height: 640 }, '21:9', 'left');
  wide = {
    canvas: ext.canvas,
    original: { ...ext.originalAt, width: 360, height: 640 },
    layers: [{ assetId: img.assetId, ...ext.originalAt }],
    prompt: 'extend the street',
    model: 'gpt-image-2',
    n: 1,
    featherPx: 16,
  };
});
afterAll(async () => {
  await cloud?.close();
});

async function run(req: RequestOf<'outpaint:start'>) {
  main.svc.outpaintPrep.clear();
  const before = openai.requests.length;
  const { jobId } = await main.call('outpaint:start', req);
  const result = await main.waitJob(jobId);
  const sent = openai.requests.slice(before).map((r) => r.files.map((f) => (f.data ?? Buffer.alloc(0)).toString('base64')).join('|'));
  return { result, sent };
}

describe('an outpaint with the pixel worker', () => {
  it('sends the same requests and makes the same patch as on main; its buffers serve the next job', async () => {
    const env = main.svc.env as Record<string, string | undefined>;
    env.MASKWORK_PIXEL_WORKER = '0';
    const jobs0 = pixelWorkerJobs();
    const onMain = await run(wide).finally(() => delete env.MASKWORK_PIXEL_WORKER);
    expect(pixelWorkerJobs()).toBe(jobs0);
    expect(onMain.result.state).toBe('done');
    expect(onMain.sent).toHaveLength(2);

    resetPixelPool();
    const first = await run(wide);
    expect(first.result.state).toBe('done');
    // Two decodes and each tile's scale, in bands.
    expect(pixelWorkerJobs() - jobs0).toBeGreaterThanOrEqual(4);
    expect(first.sent).toEqual(onMain.sent);
    const asset = (r: typeof first) => ((r.result as { candidates?: CandidateResult[] }).candidates ?? [])[0]?.assetId;
    expect(asset(first)).toBe(asset(onMain));
    const made = pixelPoolStats().made;
    expect(made).toBeGreaterThan(0);
    expect(pixelPoolStats().freeBytes).toBeGreaterThan(0);

    const second = await run(wide);
    expect(asset(second)).toBe(asset(onMain));
    expect(pixelPoolStats().made).toBe(made);
    expect(pixelPoolStats().reused).toBeGreaterThanOrEqual(made);
  });

  it('the worker is started by the preparation (it loads sharp while the prompt is written), not at the first answer', async () => {
    await stopPixelWorker();
    expect(pixelWorkerRunning()).toBe(false);
    main.svc.outpaintPrep.clear();
    await main.call('outpaint:prepare', wide);
    await main.svc.outpaintPrep.take(wide);
    expect(pixelWorkerRunning()).toBe(true);
  });

  it('a job that fails after its first answer gives no buffer back; the next job is unchanged', async () => {
    resetPixelPool();
    openai.script({ times: 1 }); // tile 1 answered
    openai.script({ status: 400, times: 1 }); // tile 2 refused
    const failed = await run(wide);
    openai.clearScript();
    expect(failed.result.state).toBe('failed');
    expect(pixelPoolStats().made).toBeGreaterThan(0); // tile 1's answer was decoded into the pool's buffers…
    expect(pixelPoolStats().freeBytes).toBe(0); // …and not given back
    const after = await run(wide);
    expect(after.result.state).toBe('done');
    expect(pixelPoolStats().freeBytes).toBeGreaterThan(0);
  });
});
