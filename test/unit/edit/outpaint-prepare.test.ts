/**
 * `outpaint:prepare` (electron/main/edit/outpaint-prepare.ts): each independent tile's request made before
 * Generate is the one Generate would have made — the server receives the same bytes, the candidate is
 * the same patch — and the job skips that work; other inputs, or the offline engine, are not prepared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import type { startOpenAIServer } from '../../servers';
import { startMainWithServers, type CloudHarness, type MainHarness } from '../../support/main-harness';
import { extendToAspect } from '../../../shared/geometry';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import { OutpaintPrep } from '../../../electron/main/edit/outpaint-prepare';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let main: MainHarness;
let cloud: CloudHarness;
let base: RequestOf<'outpaint:start'>;

beforeAll(async () => {
  cloud = await startMainWithServers({ MASKWORK_STREAM: '0' });
  ({ openai, main } = cloud);
  const png = await sharp(join(PHOTOS, 'sign-sports-centre.jpg')).resize(360, 640, { fit: 'cover' }).png().toBuffer();
  const img = await main.call('image:import', { bytes: new Uint8Array(png), name: 'poster.png' });
  const ext = extendToAspect({ width: 360, height: 640 }, '16:9', 'centre');
  base = {
    canvas: ext.canvas,
    original: { ...ext.originalAt, width: 360, height: 640 },
    layers: [{ assetId: img.assetId, ...ext.originalAt }],
    prompt: 'extend the street',
    model: 'gpt-image-2',
    n: 2,
    featherPx: 16,
  };
});
afterAll(async () => {
  await cloud?.close();
});

/** Runs an outpaint; its candidates and what the server received (image and mask bytes per request). */
async function run(req: RequestOf<'outpaint:start'>) {
  const before = openai.requests.length;
  const { jobId } = await main.call('outpaint:start', req);
  const result = await main.waitJob(jobId);
  if (result.state !== 'done') throw new Error(`outpaint ended ${result.state}: ${JSON.stringify(result)}`);
  const sent = openai.requests.slice(before).map((r) => r.files.map((f) => (f.data ?? Buffer.alloc(0)).toString('base64')).join('|'));
  return { candidates: result.candidates as CandidateResult[], sent };
}

const stepsOf = (c: CandidateResult) => (c.spans ?? []).map((s) => s.name);

async function prepared(req: RequestOf<'outpaint:start'>) {
  await main.call('outpaint:prepare', req);
  return main.svc.outpaintPrep.take(req);
}

describe('outpaint:prepare', () => {
  it('the prepared first tile is what Generate would send: same request bytes, same patches, its work skipped', async () => {
    const cold = await run(base);
    expect(cold.sent).toHaveLength(2);
    // Both candidates' first tiles send the same request; the second does not encode it again.
    expect(cold.sent[1]).toBe(cold.sent[0]);
    const coldSteps = stepsOf(cold.candidates[1]);
    expect(coldSteps.filter((n) => n.endsWith(' scale to request'))).toEqual(['main: tile #1 scale to request']);
    expect(coldSteps.filter((n) => n === 'main: working canvas')).toHaveLength(2);

    // Prepared with another prompt and count (neither changes the first tile's request).
    const ready = await prepared({ ...base, prompt: '', n: 1 });
    expect(ready).not.toBeNull();
    expect(await ready).not.toBeNull();
    // Without its blend weight: a Generate that came while the preparation ran waited for that too
    // (30–120 ms in the bench); the job works it out while the model works.
    expect((await ready)!.ready[0]!.masks.weight).toBeUndefined();
    expect((await ready)!.ready[0]!.masks.unknown?.length).toBeGreaterThan(0);
    const warm = await run(base);
    expect(warm.sent).toEqual(cold.sent);
    expect(warm.candidates.map((c) => c.assetId)).toEqual(cold.candidates.map((c) => c.assetId));
    const warmSteps = stepsOf(warm.candidates[1]);
    expect(warmSteps.filter((n) => n.endsWith(' scale to request') || n.endsWith(' prefill'))).toEqual([]);
    // The prepared working canvas served the first candidate; the second renders its own.
    expect(warmSteps.filter((n) => n === 'main: working canvas')).toHaveLength(1);
  });

  it('every tile that waits for no earlier one is prepared (the two sides apart for gpt-image-1.5): the same requests and patch, no tile made again', async () => {
    main.svc.outpaintPrep.clear();
    const png = await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(1200, 800, { fit: 'fill' }).png().toBuffer();
    const img = await main.call('image:import', { bytes: new Uint8Array(png), name: 'cups.png' });
    const ext = extendToAspect({ width: 1200, height: 800 }, '16:9', 'centre');
    const sides: RequestOf<'outpaint:start'> = {
      ...base,
      canvas: ext.canvas,
      original: { ...ext.originalAt, width: 1200, height: 800 },
      layers: [{ assetId: img.assetId, ...ext.originalAt }],
      model: 'gpt-image-1.5',
      n: 1,
    };
    const cold = await run(sides);
    expect(cold.sent).toHaveLength(2);
    expect(stepsOf(cold.candidates[0]).filter((n) => n.endsWith(' scale to request'))).toHaveLength(2);
    const prep = await prepared(sides);
    expect((await prep)?.ready.filter(Boolean)).toHaveLength(2);
    const warm = await run(sides);
    // The two requests may arrive in either order (they are in flight at once).
    expect([...warm.sent].sort()).toEqual([...cold.sent].sort());
    expect(warm.candidates[0].assetId).toBe(cold.candidates[0].assetId);
    expect(stepsOf(warm.candidates[0]).filter((n) => n.endsWith(' scale to request') || n.endsWith(' prefill'))).toEqual([]);
  });

  it('a tile that overlaps an earlier one: all but its changed parts made ahead (prepared or in the job), the same requests and patch as cut and scaled at its turn', async () => {
    main.svc.outpaintPrep.clear();
    // Grown from its left edge (around the centre it is one tile per side, neither waiting).
    const ext = extendToAspect({ width: 360, height: 640 }, '21:9', 'left');
    const wide = {
      ...base,
      canvas: ext.canvas,
      original: { ...ext.originalAt, width: 360, height: 640 },
      layers: [{ ...base.layers[0], ...ext.originalAt }],
      n: 1,
    };
    const env = main.svc.env as Record<string, string | undefined>;
    // Made from the canvas after the earlier blends (the exact way; from the earlier answers: below).
    env.MASKWORK_CHAIN_FROM_ANSWER = '0';
    env.MASKWORK_CHAIN_AHEAD = '0';
    const whole = await run(wide).finally(() => delete env.MASKWORK_CHAIN_AHEAD);
    expect(whole.sent).toHaveLength(2);
    expect(stepsOf(whole.candidates[0])).toContain('main: tile #2 scale to request');
    const cold = await run(wide);
    expect(cold.sent).toEqual(whole.sent);
    expect(cold.candidates[0].assetId).toBe(whole.candidates[0].assetId);
    expect(stepsOf(cold.candidates[0])).toContain('main: chained tiles ahead');
    const prep = await prepared(wide);
    const made = await prep;
    expect(made?.ready.map(Boolean)).toEqual([true, false]);
    expect(made?.chained?.map(Boolean)).toEqual([false, true]);
    const warm = await run(wide);
    expect(warm.sent).toEqual(whole.sent);
    expect(warm.candidates[0].assetId).toBe(whole.candidates[0].assetId);
    const steps = stepsOf(warm.candidates[0]);
    expect(steps.filter((n) => n.endsWith(' scale to request') || n === 'main: chained tiles ahead')).toEqual([]);
    expect(steps).toContain('main: tile #2 scale changed parts');
    delete env.MASKWORK_CHAIN_FROM_ANSWER;

    // From the earlier answers: tile 1's blend is held back until tile 2's request is made; that
    // request is within a few levels of the exact one (at this layout's sizes, the same bytes).
    const quick = await run(wide);
    const spans = quick.candidates[0].spans ?? [];
    const span = (name: string) => spans.find((x) => x.name === name)!;
    expect(span('main: tile #2 from answers')).toBeDefined();
    expect(stepsOf(quick.candidates[0])).not.toContain('main: tile #2 scale changed parts');
    expect(span('main: tile #1 scale').start).toBeGreaterThanOrEqual(span('main: tile #2 request encode').end);
    expect(span('main: tile #1 decode').end).toBeLessThanOrEqual(span('main: tile #2 from answers').start);
    expect(quick.sent).toEqual(whole.sent);
    expect(quick.candidates[0].assetId).toBe(whole.candidates[0].assetId);
  });

  it('a chained tile whose earlier tile is prepared is pre-filled in the preparation: each job only fills its band again', async () => {
    main.svc.outpaintPrep.clear();
    // Grown from its left edge and enlarged to the requests: tile 2 has a request copy to fill.
    const wide: RequestOf<'outpaint:start'> = {
      ...base,
      canvas: { width: 1500, height: 640 },
      original: { x: 0, y: 0, width: 360, height: 640 },
      layers: [{ ...base.layers[0], x: 0, y: 0 }],
      n: 1,
    };
    // Not prepared: tile 2 (behind the first tile only) is pre-filled whole after tile 1's answer.
    const cold = await run(wide);
    expect(stepsOf(cold.candidates[0]).filter((n) => n.includes('fill'))).toEqual(['main: tile #1 prefill', 'main: tile #2 prefill']);
    const made = await await prepared(wide);
    expect(made?.chained?.map(Boolean)).toEqual([false, true]);
    const warm = await run(wide);
    const steps = stepsOf(warm.candidates[0]);
    expect(steps).toContain('main: tile #2 filled ahead (prepared)');
    expect(steps).not.toContain('main: tile #2 fill ahead');
    expect(steps).toContain('main: tile #2 prefill');
    // Kept for the next job too (each starts from a copy).
    expect(made?.filled[1]).toBeDefined();
    const again = await run(wide);
    expect(stepsOf(again.candidates[0])).toContain('main: tile #2 filled ahead (prepared)');
    expect(again.sent).toEqual(warm.sent);
    // The same tile 1 request and the same patch (the model's answers are what is kept).
    expect(warm.sent[0]).toBe(cold.sent[0]);
    expect(warm.candidates[0].assetId).toBe(cold.candidates[0].assetId);
  });

  it('a tile sent smaller than it is (colorful-cups to 21:9: 3733×1600 at 2912×1248) sends the same bytes prepared or not', async () => {
    const png = await sharp(join(PHOTOS, 'colorful-cups.jpg')).png({ compressionLevel: 1 }).toBuffer();
    const img = await main.call('image:import', { bytes: new Uint8Array(png), name: 'cups.png' });
    const ext = extendToAspect({ width: 2560, height: 1600 }, '21:9', 'centre');
    const req = {
      ...base,
      canvas: ext.canvas,
      original: { ...ext.originalAt, width: 2560, height: 1600 },
      layers: [{ assetId: img.assetId, ...ext.originalAt }],
      n: 1,
    };
    const cold = await run(req);
    // Made after Generate, pre-filled while its colour was scaled.
    expect(stepsOf(cold.candidates[0])).toContain('main: tile #1 scale to request + prefill');
    expect(await await prepared(req)).not.toBeNull();
    const warm = await run(req);
    expect(stepsOf(warm.candidates[0]).filter((n) => n.includes('scale to request'))).toEqual([]);
    expect(warm.sent).toEqual(cold.sent);
  });

  it('a preparation for other inputs is not used; the offline engine has nothing to prepare', async () => {
    await prepared({ ...base, featherPx: 24 });
    expect(main.svc.outpaintPrep.take(base)).toBeNull();
    const other = await run({ ...base, n: 1 });
    expect(stepsOf(other.candidates[0])).toContain('main: tile #1 scale to request');
    expect(await prepared({ ...base, model: 'local' })).toBeNull();
  });

  it('a preparation that fails leaves Generate to do the work (and report the problem) itself', async () => {
    const broken = { ...base, layers: [{ ...base.layers[0], assetId: 'image-0000000000000000000000000000dead' }] };
    expect(await prepared(broken)).toBeNull();
    const { jobId } = await main.call('outpaint:start', broken);
    const result = await main.waitJob(jobId);
    expect(result.state).toBe('failed');
  });

  it('a working canvas too large to keep waiting is not kept (the job renders its own: same patches); an unused preparation keeps only its requests', async () => {
    const real = main.svc.outpaintPrep;
    try {
      main.svc.outpaintPrep = new OutpaintPrep({ keepWorkingMaxBytes: 0 });
      const ready = await prepared(base);
      expect(ready).not.toBeNull();
      const prep = await ready;
      expect(prep?.claimWorking()).toBeNull();
      const cold = await run({ ...base, n: 1 });
      main.svc.outpaintPrep.clear();
      await prepared(base);
      const warm = await run({ ...base, n: 1 });
      expect(warm.candidates[0].assetId).toBe(cold.candidates[0].assetId);
      expect(stepsOf(warm.candidates[0])).toContain('main: working canvas');
      expect(stepsOf(warm.candidates[0])).not.toContain('main: tile #1 scale to request');

      // Unused for its idle time, a preparation lets go of its working canvas but keeps the ready
      // request: a Generate after a long pause still sends it at once, with the same patch.
      main.svc.outpaintPrep = new OutpaintPrep({ idleMs: 1000 });
      const fresh = await (await prepared(base))!;
      expect(fresh.ready[0]?.request).toBeDefined();
      await new Promise((r) => setTimeout(r, 1500));
      const idle = await main.svc.outpaintPrep.take(base)!;
      expect(idle).not.toBeNull();
      expect(idle!.claimWorking()).toBeNull();
      expect(idle!.ready[0]?.request).toBe(fresh.ready[0]?.request);
      // Its tile's blend weight is worked out as it goes idle, and the canvas's unknown map is let go.
      expect(idle!.ready[0]?.masks.weight?.length).toBe(fresh.ready[0]!.masks.unknown!.length);
      expect(idle!.ready[0]?.masks.unknown).toBeUndefined();
      expect(fresh.ready[0]?.masks.weight).toBeUndefined(); // a job that took the fresh one has its own
      // The preparation made before the pause still holds its canvas for a job that took it then.
      expect(fresh.claimWorking()).not.toBeNull();
      const late = await run({ ...base, n: 1 });
      expect(late.candidates[0].assetId).toBe(cold.candidates[0].assetId);
      expect(stepsOf(late.candidates[0])).toContain('main: working canvas');
      expect(stepsOf(late.candidates[0])).not.toContain('main: tile #1 scale to request');
      // Other inputs drop it.
      await prepared({ ...base, featherPx: 20 });
      expect(main.svc.outpaintPrep.take(base)).toBeNull();
    } finally {
      main.svc.outpaintPrep = real;
    }
  });
});

describe('outpaint candidates side by side', () => {
  it('two cloud candidates are in flight at once (the second sends the first one’s request as soon as it is made)', async () => {
    main.svc.outpaintPrep.clear();
    openai.script({ delayMs: 600, times: 2 });
    const r = await run({ ...base, n: 2, featherPx: 12 });
    expect(r.sent).toHaveLength(2);
    expect(r.sent[1]).toBe(r.sent[0]);
    const [a, b] = openai.requests.slice(-2);
    // The second arrived before the first was answered: not one after the other.
    // (The server's timestamps say it; a wall-clock bound failed a loaded machine: 2.7 s for 1.8.)
    expect(b.receivedAt).toBeLessThan(a.answeredAt!);
    expect(r.candidates.map((c) => c.index)).toEqual([0, 1]);
  });

  it('the progress label names both candidates while both are with the model, and says Compositing only once neither is', async () => {
    main.svc.outpaintPrep.clear();
    // The second answer comes well after the first: the first candidate composites while the second still waits.
    openai.script({ delayMs: 400, times: 1 });
    openai.script({ delayMs: 1500, times: 1 });
    const from = main.progress.length;
    const { jobId } = await main.call('outpaint:start', { ...base, n: 2, featherPx: 14 });
    const result = await main.waitJob(jobId);
    expect(result.state).toBe('done');
    const stages = main.progress
      .slice(from)
      .filter((p) => p.jobId === jobId)
      .map((p) => p.stage);
    expect(stages).toContain('The extension, candidates 1 and 2 of 2 · waiting for GPT Image 2');
    // The first one back: the label goes on naming the one still out, not "Compositing".
    const back = stages.indexOf('The extension, candidate 2 of 2 · waiting for GPT Image 2');
    expect(back).toBeGreaterThan(stages.indexOf('The extension, candidates 1 and 2 of 2 · waiting for GPT Image 2'));
    // Nothing says Compositing while a candidate is still out (the first one's pixels sent ahead included).
    const lastOut = stages.findLastIndex((s) => s.includes('candidate'));
    expect(stages.indexOf('Compositing')).toBeGreaterThan(lastOut);
  });

  it('one candidate failing fails the job and stops the other', async () => {
    main.svc.outpaintPrep.clear();
    openai.script({ status: 400, times: 1 });
    openai.script({ delayMs: 2000, times: 1 });
    const before = openai.requests.length;
    const { jobId } = await main.call('outpaint:start', { ...base, n: 2, featherPx: 10 });
    const result = await main.waitJob(jobId);
    expect(result.state).toBe('failed');
    await new Promise((r) => setTimeout(r, 200));
    const theirs = openai.requests.slice(before);
    expect(theirs).toHaveLength(2);
    // The slow one was dropped when its sibling failed, not waited for.
    expect(theirs[1].aborted).toBe(true);
    openai.clearScript();
  });
});
