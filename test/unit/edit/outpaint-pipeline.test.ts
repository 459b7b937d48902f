/**
 * Outpainting through the real handler table: tiles planned in shared/, every request accepted by
 * the local wire-protocol servers (which enforce the services' size rules), one canvas-sized patch,
 * and the original untouched outside the overlap band in the exported file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { type startOpenAIServer, type startGeminiServer, PALETTE } from '../../servers';
import { startMainWithServers, type CloudHarness, type MainHarness } from '../../support/main-harness';
import { extendToAspect, planOutpaint } from '../../../shared/geometry';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const workerBuilt = existsSync(resolve(__dirname, '../../../out/main/local-worker.js'));

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let gemini: Awaited<ReturnType<typeof startGeminiServer>>;
let main: MainHarness;

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startMainWithServers({ MASKWORK_STREAM: '0' });
  ({ openai, gemini, main } = cloud);
});
afterAll(async () => {
  await cloud?.close();
});

/** A 9:16 poster cut from a real photo. */
async function poster(w: number, h: number): Promise<{ bytes: Uint8Array; raw: Buffer }> {
  const buf = await sharp(join(PHOTOS, 'sign-sports-centre.jpg')).resize(w, h, { fit: 'cover' }).png().toBuffer();
  return { bytes: new Uint8Array(buf), raw: await sharp(buf).raw().toBuffer() };
}

async function expand(
  model: string,
  src: { w: number; h: number },
  aspect: string,
  anchor: 'centre' | 'left' | 'right' | 'top' | 'bottom' = 'centre',
  extra: Record<string, unknown> = {},
) {
  const p = await poster(src.w, src.h);
  const img = await main.call('image:import', { bytes: p.bytes, name: 'poster.png' });
  const ext = extendToAspect({ width: src.w, height: src.h }, aspect, anchor);
  const original = { x: ext.originalAt.x, y: ext.originalAt.y, width: src.w, height: src.h };
  const { jobId } = await main.call('outpaint:start', {
    canvas: ext.canvas,
    original,
    layers: [{ assetId: img.assetId, ...ext.originalAt }],
    prompt: 'extend the street scene',
    model,
    n: 1,
    featherPx: 24,
    ...extra,
  });
  const result = await main.waitJob(jobId);
  return { model, img, ext, original, result, raw: p.raw, src };
}

async function checkExport(r: Awaited<ReturnType<typeof expand>>, band: number) {
  expect(r.result.state === 'failed' ? r.result.error : r.result.state).toBe('done');
  if (r.result.state !== 'done') return;
  const c = r.result.candidates[0];
  const out = join(main.tmp, `outpaint-${Date.now()}.png`);
  main.svc.dialogs.chooseExportPath = async () => out;
  await main.call('image:export', {
    canvas: r.ext.canvas,
    layers: [
      { assetId: r.img.assetId, ...r.ext.originalAt },
      { assetId: c.assetId, x: c.region.x, y: c.region.y },
    ],
    format: 'png',
  });
  const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([r.ext.canvas.width, r.ext.canvas.height]);
  const ch = info.channels;
  let untouchedDiff = 0;
  let transparent = 0;
  const o = r.original;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const q = (y * info.width + x) * ch;
      const inside = x >= o.x && x < o.x + o.width && y >= o.y && y < o.y + o.height;
      if (!inside) {
        if (ch === 4 && data[q + 3] !== 255) transparent++;
        continue;
      }
      const d = Math.min(
        o.x > 0 ? x - o.x : Infinity,
        o.x + o.width < info.width ? o.x + o.width - 1 - x : Infinity,
        o.y > 0 ? y - o.y : Infinity,
        o.y + o.height < info.height ? o.y + o.height - 1 - y : Infinity,
      );
      if (d >= band) {
        const s = ((y - o.y) * o.width + (x - o.x)) * 3;
        if (data[q] !== r.raw[s] || data[q + 1] !== r.raw[s + 1] || data[q + 2] !== r.raw[s + 2]) untouchedDiff++;
      }
    }
  }
  expect(untouchedDiff).toBe(0);
  expect(transparent).toBe(0);
  // The new area was generated, not left empty: far from the original it is either the servers'
  // solid mask paint (their proof that the mask covered it) or, for the offline engine, texture.
  let painted = 0;
  let dark = 0;
  let far = 0;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const dx = Math.max(o.x - x, 0, x - (o.x + o.width - 1));
      const dy = Math.max(o.y - y, 0, y - (o.y + o.height - 1));
      if (Math.max(dx, dy) <= 48) continue;
      far++;
      const q = (y * info.width + x) * ch;
      if (PALETTE.some((p) => Math.abs(p[0] - data[q]) <= 2 && Math.abs(p[1] - data[q + 1]) <= 2 && Math.abs(p[2] - data[q + 2]) <= 2))
        painted++;
      if (data[q] + data[q + 1] + data[q + 2] < 30) dark++;
    }
  }
  if (far) {
    if (r.model === 'local') expect(dark / far).toBeLessThan(0.2);
    else expect(painted / far).toBeGreaterThan(0.9);
  }
  return c;
}

describe('outpainting', () => {
  it('9:16 → 21:9 with gpt-image-2: the planned tiles, all accepted by the service rules', async () => {
    const src = { w: 288, h: 512 };
    const ext = extendToAspect({ width: src.w, height: src.h }, '21:9', 'centre');
    const plan = planOutpaint({
      canvas: ext.canvas,
      original: { ...ext.originalAt, width: src.w, height: src.h },
      model: 'gpt-image-2',
      featherPx: 24,
    });
    expect(plan.ok).toBe(true);
    const before = openai.requests.length;
    const r = await expand('gpt-image-2', src, '21:9');
    const sent = openai.requests.slice(before);
    expect(sent.length).toBe(plan.ok ? plan.tiles.length : -1);
    expect(sent.every((q) => q.status === 200)).toBe(true);
    // Each tile's answer is asked for as JPEG (it is scaled before the blend).
    expect(sent.every((q) => q.fields.output_format === 'jpeg' && q.fields.output_compression === '100')).toBe(true);
    const c = await checkExport(r, 24);
    expect(c?.tiles).toBe(sent.length);
  });

  it('1:1 → 8:1 with gpt-image-2 (past its 3:1 limit) needs several tiles, each legal', async () => {
    const before = openai.requests.length;
    const r = await expand('gpt-image-2', { w: 256, h: 256 }, '8:1');
    const sent = openai.requests.slice(before);
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.every((q) => q.status === 200)).toBe(true);
    await checkExport(r, 24);
  });

  it('tiles that do not overlap go to the model at once, and the candidate is the one the tiles in order make', async () => {
    // 256² → 8:1 with gpt-image-2: the centre tile, then its two sides (apart), then a far edge (the
    // cheapest plan: one tile per side alone would be two round trips but cost more).
    openai.script({ delayMs: 400, times: 4 });
    const before = openai.requests.length;
    const together = await expand('gpt-image-2', { w: 256, h: 256 }, '8:1');
    const sent = openai.requests.slice(before);
    expect(sent).toHaveLength(4);
    const [, left, right] = sent;
    // The two sides were at the server at the same time: not one round trip after the other.
    expect(right.receivedAt).toBeLessThan(left.answeredAt!);
    await checkExport(together, 24);
    main.svc.env.MASKWORK_PARALLEL_TILES = '0';
    try {
      openai.script({ delayMs: 400, times: 4 });
      const b2 = openai.requests.length;
      const inOrder = await expand('gpt-image-2', { w: 256, h: 256 }, '8:1');
      const seq = openai.requests.slice(b2);
      for (let k = 1; k < 4; k++) expect(seq[k].receivedAt).toBeGreaterThan(seq[k - 1].answeredAt!);
      const [a, b] = [together, inOrder].map((r) => (r.result.state === 'done' ? r.result.candidates[0].assetId : r.result.state));
      expect(a).toBe(b);
    } finally {
      delete main.svc.env.MASKWORK_PARALLEL_TILES;
    }
  });

  // 256² → 8:1 (gpt-image-2): the centre tile, its two sides, then a far edge made of one side's
  // answer. That side holds its scale and blend back until the far edge's request is made.
  for (const [failing, what] of [
    [[2, 3], 'the tiles whose answers a later tile is made of'],
    [[4], 'the tile made of an earlier answer'],
  ] as const)
    it(`a refused request on ${what} fails the job (nothing waits for the tiles that will not come)`, async () => {
      const before = openai.requests.length;
      openai.script({ status: 400, times: failing.length, match: (c) => failing.some((k) => c.index === before + k) });
      try {
        const r = await expand('gpt-image-2', { w: 256, h: 256 }, '8:1');
        expect(r.result.state).toBe('failed');
        expect(openai.requests.length - before).toBeLessThanOrEqual(4);
      } finally {
        openai.clearScript();
      }
      // The next outpaint is whole again.
      await checkExport(await expand('gpt-image-2', { w: 256, h: 256 }, '8:1'), 24);
    });

  it('a tile behind a chained tile is pre-filled while that tile is out; after its answer only a band next to it is filled again', async () => {
    const p = await poster(400, 400);
    const img = await main.call('image:import', { bytes: p.bytes, name: 'poster.png' });
    // Grown to 8:1 from its left edge, enlarged to the requests: tiles 2, 3 and 4 each made of the answer before.
    const req = {
      canvas: { width: 3200, height: 400 },
      original: { x: 0, y: 0, width: 400, height: 400 },
      layers: [{ assetId: img.assetId, x: 0, y: 0 }],
      prompt: 'extend the street scene',
      model: 'gpt-image-2',
      n: 1,
      featherPx: 24,
    };
    const run = async () => {
      // Each tile stays with the model long enough for the next one's fill ahead on a loaded machine (≈ 0.1 s here).
      openai.script({ delayMs: 1500, times: 4 });
      const before = openai.requests.length;
      const { jobId } = await main.call('outpaint:start', req);
      const result = await main.waitJob(jobId);
      if (result.state !== 'done') throw new Error(`outpaint ended ${result.state}`);
      const spans = result.candidates[0].spans ?? [];
      const images = openai.requests.slice(before).map((q) => q.files.find((f) => f.field.startsWith('image'))!.data!);
      return { spans, images, assetId: result.candidates[0].assetId };
    };
    const ahead = await run();
    const span = (name: string) => ahead.spans.find((x) => x.name === name);
    expect(ahead.images).toHaveLength(4);
    for (const k of [3, 4]) {
      expect(span(`main: tile #${k} fill ahead`)).toBeDefined();
      expect(span(`main: tile #${k} fill ahead`)!.end).toBeLessThanOrEqual(span(`main: tile #${k} from answers`)!.start);
    }
    // Tile 2 is behind the first tile only: filled ahead only in a preparation (outpaint-prepare tests).
    expect(span('main: tile #2 fill ahead')).toBeUndefined();
    main.svc.env.MASKWORK_FILL_AHEAD = '0';
    const whole = await run().finally(() => delete main.svc.env.MASKWORK_FILL_AHEAD);
    expect(whole.spans.map((x) => x.name).filter((n) => n.includes('fill ahead'))).toEqual([]);
    // Tiles 1 and 2 are sent the same; tile 3 differs only in its pre-fill, away from tile 2's answer.
    expect(Buffer.from(ahead.images[0]).equals(Buffer.from(whole.images[0]))).toBe(true);
    expect(Buffer.from(ahead.images[1]).equals(Buffer.from(whole.images[1]))).toBe(true);
    const [a, b] = await Promise.all([ahead.images[2], whole.images[2]].map((x) => sharp(x).raw().toBuffer({ resolveWithObject: true })));
    expect([a.info.width, a.info.height]).toEqual([b.info.width, b.info.height]);
    const w = a.info.width;
    const colDiff = (x: number) => {
      let d = 0;
      for (let y = 0; y < a.info.height; y++)
        for (let ch = 0; ch < 3; ch++) d += Math.abs(a.data[(y * w + x) * 3 + ch] - b.data[(y * w + x) * 3 + ch]);
      return d / (3 * a.info.height);
    };
    // The columns of tile 2's answer are the same (JPEG noise aside).
    expect(colDiff(8)).toBeLessThan(2);
    expect(colDiff(64)).toBeLessThan(2);
    // The candidates are the model's answers blended: the same patch either way.
    expect(ahead.assetId).toBe(whole.assetId);
  });

  it('Nano Banana 2 reaches 8:1 and Nano Banana Pro is planned within its aspect list', async () => {
    const before = gemini.requests.length;
    const r = await expand('gemini-3.1-flash-image', { w: 256, h: 256 }, '8:1');
    expect(gemini.requests.slice(before).every((q) => q.status === 200)).toBe(true);
    await checkExport(r, 24);
    const b2 = gemini.requests.length;
    const r2 = await expand('gemini-3-pro-image', { w: 256, h: 256 }, '4:1', 'left');
    expect(gemini.requests.slice(b2).every((q) => q.status === 200)).toBe(true);
    await checkExport(r2, 24);
  });

  it.runIf(workerBuilt)('the offline engine extends in one pass', async () => {
    const r = await expand('local', { w: 160, h: 120 }, '16:9', 'centre');
    await checkExport(r, 24);
  });

  it.runIf(workerBuilt)(
    'the offline engine: no seed → a fresh one per request, recorded per candidate; that seed repeats the patch',
    async () => {
      const seeds = async (extra: Record<string, unknown> = {}) => {
        const r = await expand('local', { w: 96, h: 72 }, '16:9', 'centre', { n: 2, ...extra });
        if (r.result.state !== 'done') throw new Error(r.result.state);
        return r.result.candidates;
      };
      const a = await seeds();
      const b = await seeds();
      expect(a[0].seed).toEqual(expect.any(Number));
      expect(a[1].seed).toBe(a[0].seed! + 1);
      expect(b[0].seed).not.toBe(a[0].seed);
      const again = await seeds({ seed: a[0].seed });
      expect(again.map((c) => c.seed)).toEqual(a.map((c) => c.seed));
      const png = (c: { assetId: string }) => main.svc.store.get(c.assetId).then((x) => Buffer.from(x));
      expect((await png(again[1])).equals(await png(a[1]))).toBe(true);
    },
  );

  it('cancelling between tiles leaves no result', async () => {
    openai.script({ delayMs: 1500, times: 10 });
    const p = await poster(256, 256);
    const img = await main.call('image:import', { bytes: p.bytes, name: 'p.png' });
    const ext = extendToAspect({ width: 256, height: 256 }, '8:1', 'centre');
    const { jobId } = await main.call('outpaint:start', {
      canvas: ext.canvas,
      original: { ...ext.originalAt, width: 256, height: 256 },
      layers: [{ assetId: img.assetId, ...ext.originalAt }],
      prompt: 'x',
      model: 'gpt-image-2',
      n: 1,
      featherPx: 24,
    });
    await new Promise((r) => setTimeout(r, 2200));
    expect((await main.call('job:cancel', { jobId })).cancelled).toBe(true);
    const res = await main.waitJob(jobId);
    expect(res.state).toBe('cancelled');
    openai.clearScript();
  });

  it('refuses a canvas that is not extended', async () => {
    const p = await poster(100, 100);
    const img = await main.call('image:import', { bytes: p.bytes, name: 'p.png' });
    const { jobId } = await main.call('outpaint:start', {
      canvas: { width: 100, height: 100 },
      original: { x: 0, y: 0, width: 100, height: 100 },
      layers: [{ assetId: img.assetId, x: 0, y: 0 }],
      prompt: 'x',
      model: 'gpt-image-2',
      n: 1,
      featherPx: 24,
    });
    const res = await main.waitJob(jobId);
    expect(res.state === 'failed' && res.error.kind).toBe('invalid-request');
  });
});
