/**
 * An outpaint tile whose request is made after Generate (not prepared) holds a critical stretch
 * (critical-work.ts) until the request is made: the working canvas's faulting and the work done while
 * the model works wait for it instead of sharing main's thread with it. The stretch closes when the
 * request is made, and also when the tile fails before that (nothing stays held).
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateTile } from '../../../electron/main/edit/outpaint-tile-steps';
import { outpaintJob, type OutpaintRequest } from '../../../electron/main/edit/run-outpaint';
import { afterCritical, holdCritical } from '../../../electron/main/edit/critical-work';
import { type MainHarness, startMain } from '../../support/main-harness';

let main: MainHarness;
let req: OutpaintRequest;
beforeAll(async () => {
  main = await startMain({ OPENAI_API_KEY: 'sk-test-openai-key-1234' });
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 30 } } })
    .png()
    .toBuffer();
  const { assetId } = await main.call('image:import', { bytes: new Uint8Array(png), name: 'small.png' });
  req = {
    canvas: { width: 96, height: 48 },
    original: { x: 0, y: 0, width: 64, height: 48 },
    layers: [{ assetId, x: 0, y: 0 }],
    prompt: '',
    model: 'gpt-image-2',
    n: 1,
    featherPx: 8,
  };
});
afterAll(() => main?.close());

/** Whether a critical stretch is open (afterCritical still pending after 30 ms). */
const held = () => Promise.race([afterCritical().then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 30))]);

/** A cloud tile step that records whether a stretch is open before and after it makes its request. */
function recording(seen: boolean[], fail = false): GenerateTile {
  return async (_tile, p, ctx) => {
    seen.push(await held());
    if (fail) throw new Error('the service is down');
    ctx.onRequest?.({ requestImage: new Uint8Array(1), requestMask: new Uint8Array(1) });
    seen.push(await held());
    return new Uint8Array(p.width * p.height * 4).fill(200);
  };
}

const run = (step: GenerateTile) => outpaintJob(main.svc, req, () => step)({ signal: new AbortController().signal, progress: () => {} });

describe('a request made after Generate is critical', () => {
  it('holds a critical stretch until the request is made', async () => {
    const seen: boolean[] = [];
    await run(recording(seen));
    expect(seen).toEqual([true, false]);
    expect(await held()).toBe(false);
  });

  it('lets go when the tile fails before its request', async () => {
    const seen: boolean[] = [];
    await expect(run(recording(seen, true))).rejects.toThrow('the service is down');
    expect(seen).toEqual([true]);
    expect(await held()).toBe(false);
  });

  it('MASKWORK_REQUEST_CRITICAL=0: no stretch', async () => {
    const seen: boolean[] = [];
    main.svc.env.MASKWORK_REQUEST_CRITICAL = '0';
    try {
      await run(recording(seen));
    } finally {
      main.svc.env.MASKWORK_REQUEST_CRITICAL = undefined;
    }
    expect(seen).toEqual([false, false]);
  });
});

describe('a tile blend is background work', () => {
  /** A step that answers while another answer is being made into a request (a stretch it opens, closed after `ms`). */
  const answeringDuring =
    (ms: number): GenerateTile =>
    async (_tile, p, ctx) => {
      ctx.onRequest?.({ requestImage: new Uint8Array(1), requestMask: new Uint8Array(1) });
      const release = holdCritical();
      setTimeout(release, ms);
      return new Uint8Array(p.width * p.height * 4).fill(200);
    };

  it('waits while a critical stretch is open (MASKWORK_BACKGROUND_YIELDS=0: it does not)', async () => {
    const took = async (env?: string) => {
      main.svc.env.MASKWORK_BACKGROUND_YIELDS = env;
      try {
        const t0 = performance.now();
        const [c] = await run(answeringDuring(300));
        const blend = c.spans!.find((s) => s.name.endsWith(' blend'))!;
        return { job: performance.now() - t0, blendAfter: blend.start - (performance.timeOrigin + t0) };
      } finally {
        main.svc.env.MASKWORK_BACKGROUND_YIELDS = undefined;
        await afterCritical();
      }
    };
    expect((await took()).blendAfter).toBeGreaterThanOrEqual(290);
    expect((await took('0')).blendAfter).toBeLessThan(250);
  });
});
