/**
 * What an outpaint tile costs beyond its request (issue 16: ≤ 150 ms): colorful-cups.jpg
 * (2560×1600) extended to 21:9 around its centre (C, Anchor centre, Aspect 21:9, Enter), Ctrl+Enter
 * with gpt-image-2 against the local OpenAI protocol server, candidate shown; Escape; again. Main
 * times every tile (`main: tile #k`: crop + ask mask, prefill, request encode, provider round trip,
 * decode + scale, blend); a tile's own time is its span minus the time the server held its request.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, PHOTOS } from '../../test/support/app-harness';
import { startBenchServer } from './bench-server';
import { chooseOption, leaveField, retype } from '../../test/support/user-input';
import { coveredMs, type TimingSpan } from '../../shared/timing/spans';
import sharp from 'sharp';
import { median, type RatioRow } from './ratio';
import { planOutpaint, tileWaits } from '../../shared/geometry';
import { REQUEST_JPEG } from '../../electron/main/edit/request-pixels';
import { writeBigJpeg } from './photo';
import { resetPixelPool } from '../../electron/main/edit/pixel-pool';

export interface OutpaintSample {
  totalMs: number;
  serverMs: number;
  tiles: number;
  /**
   * Per tile, what it adds beyond its request. One tile: its span minus its request's server time.
   * A chained tile (made of an earlier tile's answer): the time between the server answering the
   * tile before and receiving this one's request — the wall time no request is with the model. (Its
   * span no longer measures that: the earlier tile's scale and blend run while this one is out.)
   */
  tileOwnMs: number[];
  /** Chained tiles: each one's span minus its request's server time (for comparison with earlier runs). */
  spanOwnMs?: number[];
  /** Every span of the outpaint (the tiles' steps included). */
  spans: TimingSpan[];
  /** The server's requests (received → answered), on the spans' clock. */
  serverSpans?: { start: number; end: number }[];
  /** libvips doing a tile's pixel work on the same sizes, timed right after this outpaint (ms): the request's side and the answer's. */
  floorMs: { request: number; answer: number };
}

/**
 * The floor of one tile's pixel work, libvips alone on the bench's sizes (the 3733×1600 tile, its
 * 2912×1248 request), in two parts: the request's (scale the tile's RGBA to the request across its
 * known columns — what the app scales since 2026-12-06; the floor scaled the whole tile before —
 * into a request-sized buffer, encode the request JPEG q92) and the answer's (decode a JPEG answer of the request's size — tiles ask for JPEG
 * at compression 100, as the local server paints it — and scale it back to
 * the tile, lanczos3, inside the two extended sides, as the app does: libvips computes only the
 * extracted pixels). The pre-fill and the blend have no libvips counterpart and are left out, so the
 * floor is if anything low. A prepared tile's request side is done before Ctrl+Enter: its floor is
 * the answer's part alone.
 */
export async function tileFloor(
  photo: string,
  tile: { width: number; height: number },
  request: { width: number; height: number },
  photoWidth = 2560,
) {
  const rgba = await sharp(photo).resize(tile.width, tile.height, { fit: 'fill' }).ensureAlpha().raw().toBuffer();
  const answer = await sharp(photo).resize(request.width, request.height, { fit: 'fill' }).jpeg({ quality: 100 }).toBuffer();
  const raw = { raw: { width: tile.width, height: tile.height, channels: 4 as const } };
  // The request's known columns, as the app finds them (tile-at-request.ts): where the tile's unknown
  // row (0/255), scaled like the colour, is 0. The app scales the colour only there (the pre-fill
  // writes the rest), in two bands of rows, one libvips pipeline each; so does the floor.
  const left = Math.floor((tile.width - photoWidth) / 2);
  const row = new Uint8Array(tile.width).map((_, x) => (x < left || x >= left + photoWidth ? 255 : 0));
  const scaledRow = await sharp(row, { raw: { width: tile.width, height: 1, channels: 1 } })
    .resize(request.width, 1, { fit: 'fill', kernel: 'linear' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const K0 = scaledRow.indexOf(0);
  const K1 = scaledRow.lastIndexOf(0) + 1;
  const half = Math.round(request.height / 2);
  const bands = [
    [0, half],
    [half, request.height - half],
  ];
  // Kept from one run to the next, as the app keeps its request buffers.
  const small = Buffer.alloc(request.width * request.height * 4);
  return async (): Promise<{ request: number; answer: number }> => {
    const t0 = performance.now();
    const parts = await Promise.all(
      bands.map(([top, height]) =>
        sharp(rgba, raw)
          .resize(request.width, request.height, { fit: 'fill', kernel: 'linear' })
          .extract({ left: K0, top, width: K1 - K0, height })
          .raw()
          .toBuffer(),
      ),
    );
    // Into the request (the pre-filled columns are left as they are: the pre-fill has no libvips counterpart).
    const w = K1 - K0;
    bands.forEach(([top, height], k) => {
      for (let y = 0; y < height; y++) parts[k].copy(small, ((top + y) * request.width + K0) * 4, y * w * 4, (y + 1) * w * 4);
    });
    await sharp(small, { raw: { width: request.width, height: request.height, channels: 4 } })
      .removeAlpha()
      .jpeg(REQUEST_JPEG)
      .toBuffer();
    const t1 = performance.now();
    // Scaled back only where the blend reads it, as the app does: the two extended sides and the
    // feather band into the original (586 + 64 px each side of the 2560-px photo).
    const side = Math.min(tile.width, Math.ceil((tile.width - photoWidth) / 2) + 64);
    await Promise.all(
      [0, tile.width - side].map((left) =>
        sharp(answer)
          .ensureAlpha()
          .resize(tile.width, tile.height, { fit: 'fill', kernel: 'lanczos3' })
          .extract({ left, top: 0, width: side, height: tile.height })
          .raw()
          .toBuffer(),
      ),
    );
    return { request: t1 - t0, answer: performance.now() - t1 };
  };
}

const wall = () => performance.timeOrigin + performance.now();

/**
 * colorful-cups (2560×1600) extended to 8:1 from its left edge: the chained layout. (Grown around its
 * centre to 4:1 — the layout this row used before — is one tile per side now, neither waiting.)
 */
const CHAINED = { canvas: { width: 12800, height: 1600 }, original: { x: 0, y: 0, width: 2560, height: 1600 } };

/**
 * The chained layout: colorful-cups (2560×1600) extended to 8:1 from its left edge is three tiles for
 * gpt-image-2 in a row — the first across the photo's right part, each next one made of the one
 * before's answer. The floor of the pixel work between the answer of the tile before and a chained
 * tile's request, libvips alone, per tile (the mean of tiles 2 and 3): decode an answer of the
 * request's size and encode its request (JPEG q92 at that size). The answer's scale back into the
 * tile (lanczos3) runs while the next request is with the model, in the app and so not in this floor.
 */
export async function chainedTileFloor() {
  const plan = planOutpaint({ ...CHAINED, model: 'gpt-image-2', quality: 'medium', featherPx: 32 });
  if (!plan.ok) throw new Error(plan.reason);
  const waits = tileWaits(plan.tiles);
  const chained = plan.tiles.filter((_, k) => waits[k].length > 0);
  if (chained.length !== CHAINED_TILES.length) throw new Error(`the chained layout has ${chained.length} chained tiles`);
  const parts = await Promise.all(
    chained.map(async ({ request }) => {
      const small = await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(request.width, request.height, { fit: 'fill' }).raw().toBuffer();
      const answer = await sharp(small, { raw: { ...request, channels: 3 } })
        .jpeg({ quality: 100 })
        .toBuffer();
      return { request, small, answer };
    }),
  );
  return async (): Promise<{ request: number; answer: number }> => {
    let request = 0;
    let answer = 0;
    for (const p of parts) {
      const t0 = performance.now();
      await sharp(p.small, { raw: { ...p.request, channels: 3 } })
        .jpeg(REQUEST_JPEG)
        .toBuffer();
      const t1 = performance.now();
      await sharp(p.answer).ensureAlpha().raw().toBuffer();
      request += t1 - t0;
      answer += performance.now() - t1;
    }
    return { request: request / parts.length, answer: answer / parts.length };
  };
}

/** The chained layout's tiles that wait for an earlier one (1-based, as the spans name them). */
const CHAINED_TILES = [2, 3];
const CHAINED_SPAN = new RegExp(`^main: tile #(?:${CHAINED_TILES.join('|')})$`);
const CHAINED_STEP = new RegExp(`^main: tile #(?:${CHAINED_TILES.join('|')}) (.+)$`);

export type OutpaintLayout = 'wide' | 'chained';

/**
 * `prepared`: main prepares the tiles before Ctrl+Enter, as it does while a retoucher writes the
 * prompt (the bench waits for the ask); otherwise preparing is off (MASKWORK_OUTPAINT_PREPARE=0).
 * `layout`: 'wide' — colorful-cups to 21:9, one tile; 'chained' — colorful-cups to 8:1 from its left
 * edge, three tiles in a row (only the two made of an earlier answer are counted: `tileOwnMs`).
 */
export async function runOutpaintTiles(
  runs: number,
  prepared = true,
  layout: OutpaintLayout = 'wide',
  /** The wide layout on the 24 MP photo (6000×4000 → 21:9: one 9333×4000 tile sent at 2912×1248) instead of colorful-cups. */
  big = false,
  /**
   * `handMs`: before each Ctrl+Enter, Quality is switched by keys (high, medium, … in turn: the
   * request's pixels stay the same, its preparation does not) and Ctrl+Enter comes `handMs` later,
   * as a quick hand does — the job waits for the preparation under way (`main: preparation wait`).
   */
  o: { handMs?: number } = {},
): Promise<OutpaintSample[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'maskwork-bench-outpaint-'));
  const photo = big ? await writeBigJpeg(tmp) : join(PHOTOS, 'colorful-cups.jpg');
  const openai = await startBenchServer();
  const app = await launchApp({
    viewport: { width: 1600, height: 1000 },
    env: {
      OPENAI_API_KEY: 'sk-bench-outpaint-0001',
      OPENAI_BASE_URL: openai.url,
      MASKWORK_MAX_RETRIES: '0',
      MASKWORK_STREAM: '0',
      MASKWORK_OUTPAINT_PREPARE: prepared ? '1' : '0',
      // A/B of the working canvas's page pre-faulting (MASKWORK_PREFAULT=0 in the bench's environment turns it off).
      MASKWORK_PREFAULT: process.env.MASKWORK_PREFAULT ?? '1',
      // A/B of chained requests made from the earlier answers (MASKWORK_CHAIN_FROM_ANSWER=0: from the canvas after their blends).
      MASKWORK_CHAIN_FROM_ANSWER: process.env.MASKWORK_CHAIN_FROM_ANSWER ?? '1',
      // A/B of chained tiles pre-filled ahead (MASKWORK_FILL_AHEAD=0: the whole pre-fill after the answers).
      MASKWORK_FILL_AHEAD: process.env.MASKWORK_FILL_AHEAD ?? '1',
      // A/B of an unprepared tile's request as a critical stretch (MASKWORK_REQUEST_CRITICAL=0: not one).
      MASKWORK_REQUEST_CRITICAL: process.env.MASKWORK_REQUEST_CRITICAL ?? '1',
      // A/B of an unprepared tile made at its request size from one row of its masks (MASKWORK_MASKS_AT_REQUEST=0: from the full-size masks).
      MASKWORK_MASKS_AT_REQUEST: process.env.MASKWORK_MASKS_AT_REQUEST ?? '1',
      // A/B of the request mask and its wire form made before the pre-fill (MASKWORK_MASK_FIRST=0: after it).
      MASKWORK_MASK_FIRST: process.env.MASKWORK_MASK_FIRST ?? '1',
      // A/B of an unprepared tile's request made from the original before the working canvas (MASKWORK_REQUEST_BEFORE_CANVAS=0: after it).
      MASKWORK_REQUEST_BEFORE_CANVAS: process.env.MASKWORK_REQUEST_BEFORE_CANVAS ?? '1',
      // A/B of background work yielding to critical stretches: blends wait, fills ahead hold one, scales leave a core (MASKWORK_BACKGROUND_YIELDS=0: not).
      MASKWORK_BACKGROUND_YIELDS: process.env.MASKWORK_BACKGROUND_YIELDS ?? '1',
      // A/B of a tile of whole rows or columns pre-filled from the full-size tile while its colour is scaled (MASKWORK_ALONG_PREFILL=0: after the scale).
      MASKWORK_ALONG_PREFILL: process.env.MASKWORK_ALONG_PREFILL ?? '1',
      // A/B of answers decoded and scaled in the pixel worker into pooled buffers (MASKWORK_PIXEL_WORKER=0: on main).
      MASKWORK_PIXEL_WORKER: process.env.MASKWORK_PIXEL_WORKER ?? '1',
    },
  });
  const page = app.page;
  try {
    app.dialogs.opens.push(photo);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 120_000 });
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('textbox', { name: 'Prompt' }), 'extend the table');
    await leaveField(page);
    await page.keyboard.press('c');
    await page.getByRole('radio', { name: layout === 'wide' ? 'Anchor centre' : 'Anchor left' }).click();
    await page.getByRole('button', { name: layout === 'wide' ? 'Aspect 21:9' : 'Aspect 8:1' }).click();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.outpaintEstimate()?.requests > 0);
    // The renderer asks main to prepare once the panel has settled (a read-only probe of that ask).
    await page.waitForFunction(() => (window as any).__maskworkTest.outpaintPreparation()?.model === 'gpt-image-2');
    // The wide layout: colorful-cups (2560×1600) extended to 21:9 is one 3733×1600 tile, sent at 2912×1248.
    const floor =
      layout === 'wide'
        ? big
          ? await tileFloor(photo, { width: 9333, height: 4000 }, { width: 2912, height: 1248 }, 6000)
          : await tileFloor(photo, { width: 3733, height: 1600 }, { width: 2912, height: 1248 })
        : await chainedTileFloor();
    await floor(); // warm-up
    const samples: OutpaintSample[] = [];
    for (let i = 0; i <= runs; i++) {
      const before = (await page.evaluate(() => (window as any).__maskworkTest.editsShown())) as number;
      const reqsBefore = openai.requests.length;
      if (o.handMs !== undefined) {
        await chooseOption(page, page.getByRole('combobox', { name: 'Quality' }), i % 2 ? 'medium' : 'high');
        await page.waitForTimeout(o.handMs);
      }
      // MASKWORK_BENCH_COLD_POOL=1: every outpaint finds the pixel pool empty, as the first one after minutes away does.
      if (process.env.MASKWORK_BENCH_COLD_POOL === '1') resetPixelPool();
      const t0 = wall();
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction((n) => (window as any).__maskworkTest.editsShown() > n, before, { timeout: 300_000, polling: 10 });
      const trace = (await page.evaluate(() => (window as any).__maskworkTest.editTimings().at(-1))) as {
        shownAt: number;
        spans: TimingSpan[];
      };
      await openai.settle(reqsBefore + 1);
      const reqs = openai.requests
        .slice(reqsBefore)
        .map((r) => ({ name: 'server', start: r.receivedAt, end: r.answeredAt ?? r.receivedAt }));
      const tileSpans = trace.spans.filter((s) => (layout === 'wide' ? /^main: tile #\d+$/ : CHAINED_SPAN).test(s.name));
      // A preparation still under way at Ctrl+Enter: the job's wait for it is the tiles' own time too.
      const wait = trace.spans.filter((x) => x.name === 'main: preparation wait').reduce((t, x) => t + x.end - x.start, 0);
      const spanOwnMs = tileSpans.map((t) => {
        const inside = reqs.filter((r) => r.start >= t.start && r.end <= t.end);
        return t.end - t.start - coveredMs(inside, 'server') + (layout === 'wide' ? wait : 0);
      });
      // The chained layout's requests go out one after the other: tile k's request is received
      // after tile k − 1's answer has left the server.
      const order = [...reqs].sort((a, b) => a.start - b.start);
      const gaps = layout === 'chained' ? CHAINED_TILES.map((k) => order[k - 1].start - order[k - 2].end) : [];
      if (i > 0)
        samples.push({
          totalMs: trace.shownAt - t0,
          serverMs: coveredMs(reqs, 'server'),
          tiles: tileSpans.length,
          tileOwnMs: layout === 'wide' ? spanOwnMs : gaps,
          spanOwnMs: layout === 'wide' ? undefined : spanOwnMs,
          spans: trace.spans,
          serverSpans: reqs.map(({ start, end }) => ({ start, end })),
          floorMs: await floor(),
        });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 0, null, { timeout: 60_000 });
      if (app.errors.length) throw new Error(`the app reported errors: ${app.errors.join('; ')}`);
    }
    return samples;
  } finally {
    await app.close();
    await openai.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

export function outpaintTileRow(
  samples: OutpaintSample[],
  prepared = true,
  layout: OutpaintLayout = 'wide',
  /** Samples of `runOutpaintTiles`' `handMs`: Ctrl+Enter soon after a change, the preparation still under way. */
  hand?: number,
): RatioRow {
  const chained = layout === 'chained';
  const perTile = median(samples.flatMap((s) => s.tileOwnMs));
  // The pixel work that stands between Ctrl+Enter and the screen: a prepared tile's request is made
  // before; a chained tile's request is encoded at its turn.
  const floorOf = (f: OutpaintSample['floorMs']) => (prepared && !chained && hand === undefined ? f.answer : f.request + f.answer);
  const floorMs = median(samples.map((s) => floorOf(s.floorMs)));
  const own = median(samples.map((s) => s.totalMs - s.serverMs));
  const fixed = (name: string) =>
    r1(median(samples.map((s) => s.spans.filter((x) => x.name === name).reduce((t, x) => t + x.end - x.start, 0))));
  // Each step of a tile (crop + ask mask, scale to request, prefill, request encode, round trip, decode + scale, blend).
  const steps = new Map<string, number[]>();
  for (const s of samples) {
    const per = new Map<string, number>();
    for (const x of s.spans) {
      const m = (chained ? CHAINED_STEP : /^main: tile #\d+ (.+)$/).exec(x.name);
      if (m) per.set(m[1], (per.get(m[1]) ?? 0) + (x.end - x.start) / Math.max(1, s.tiles));
    }
    for (const [k, v] of per) steps.set(k, [...(steps.get(k) ?? []), v]);
  }
  const stepText = [...steps].map(([k, v]) => `${k} ${r1(median(v))}`).join(', ');
  return {
    id: chained
      ? 'outpaint-tile-chained'
      : hand !== undefined
        ? 'outpaint-tile-hand'
        : prepared
          ? 'outpaint-tile'
          : 'outpaint-tile-unprepared',
    measure: chained
      ? "an outpaint tile made of an earlier tile's answer, what it adds beyond its request: from the server's answer to the tile before to its request at the server (2560×1600 photo → 8:1 from its left edge, tiles 2 and 3 of 3, prepared as the app does)"
      : hand !== undefined
        ? `an outpaint tile's own time beyond its request when Ctrl+Enter comes ${hand} ms after a change that needs a new preparation (Quality switched by keys), the wait for the preparation under way included (same photo)`
        : prepared
          ? "an outpaint tile's own time beyond its request, prepared before Ctrl+Enter (2560×1600 photo → 21:9, gpt-image-2, e2e harness)"
          : "an outpaint tile's own time beyond its request with preparing off (same photo): the work the app does before Ctrl+Enter, reported beside the goal rows — a hand that presses Ctrl+Enter after a change joins the preparation under way (the row of 250 ms after a change)",
    floor: 'absolute limit',
    value: r1(perTile),
    floorValue: r1(floorMs),
    unit: 'ms',
    ratio: Math.round((perTile / 150) * 100) / 100,
    target: 1,
    limit: 150,
    pass: perTile <= 150,
    ...(prepared || chained ? {} : { goal: false as const }),
    runs: samples.length,
    samples: { value: samples.flatMap((s) => s.tileOwnMs.map(r1)), floor: samples.map((s) => r1(floorOf(s.floorMs))) },
    note: `libvips floor of a tile's pixel work (${chained ? 'JPEG answer decode, request JPEG encode' : prepared && hand === undefined ? 'JPEG answer decode + scale back into the sides' : 'scale to request, JPEG encode, JPEG answer decode + scale back into the sides'}; same sizes, same run) ${r1(floorMs)} ms, own/floor ${r2(perTile / floorMs)}×; ${chained ? `tiles 2 and 3 of 3, per tile; their spans minus their server time (the earlier tile's scale and blend now run inside them, while they are out) ${r1(median(samples.flatMap((s) => s.spanOwnMs ?? [])))} ms` : `${samples[0]?.tiles ?? 0} tiles per outpaint`}; per tile (ms): ${stepText}; whole outpaint own time ${r1(own)} ms (server ${r1(median(samples.map((s) => s.serverMs)))} ms); once per outpaint: working canvas ${fixed('main: working canvas')} ms, patch build ${fixed('main: patch build')} ms, patch encode ${fixed('main: patch encode')} ms, asset id ${fixed('main: asset id')} ms, pixels to the renderer ${fixed('transport ← main (pixels #0)')} ms, early paint ${fixed('renderer: early paint')} ms`,
  };
}
