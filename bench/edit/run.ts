/**
 * Edit pipeline benchmarks (main process, Node):
 *  - edit prep on a 6000×4000 photo: mask PNG → region plan → region pixels → encoded request
 *    image + mask at the model's size (cold = first edit decodes the photo; warm = cached decode);
 *  - composite of a 2048² candidate: feathered alpha + colour match (buildPatch), and its PNG encode;
 *  - client overhead per request: the real OpenAI SDK call (multipart build, mask PNG, upload,
 *    JSON parse, base64 decode) against a loopback server that answers instantly.
 */
import { plainEditRequest } from '../../test/support/edit-request';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startMain } from '../../test/support/main-harness';
import { PHOTOS } from '../../test/support/app-harness';
import { prepareEdit } from '../../electron/main/edit/run-edit';
import { clearRegionCache } from '../../electron/main/edit/region-pixels';
import { buildPatch } from '../../shared/pixels/patch';
import { createOpenAIProvider } from '../../electron/main/providers/openai-provider';

export interface EditBenchResult {
  prepColdMs: number;
  prepWarmMs: { p50: number; p95: number };
  prepRegion: { width: number; height: number };
  prepRequest: { width: number; height: number };
  compositeMs: { p50: number; p95: number };
  compositePngMs: number;
  clientOverheadMs: { p50: number; p95: number };
  /** Prep and composite are judged as ratios to sharp (bench/ratios); only the client overhead has an absolute target. */
  targets: { clientMs: number; client: boolean };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const r1 = (x: number) => Math.round(x * 10) / 10;

export async function runEditBench(quick = false): Promise<EditBenchResult> {
  const tmp = await mkdtemp(join(tmpdir(), 'maskwork-bench-'));
  const main = await startMain({});
  try {
    const big = await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(6000, 4000, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();
    const img = await main.call('image:import', { bytes: new Uint8Array(big), name: 'big.jpg' });
    // A 700×500 brush blob in the middle of the photo.
    const rect = { x: 2600, y: 1700, width: 700, height: 500 };
    const m = Buffer.alloc(rect.width * rect.height);
    for (let y = 0; y < rect.height; y++)
      for (let x = 0; x < rect.width; x++) if (((x - 350) / 350) ** 2 + ((y - 250) / 250) ** 2 <= 1) m[y * rect.width + x] = 255;
    const png = new Uint8Array(
      await sharp(m, { raw: { width: rect.width, height: rect.height, channels: 1 } })
        .png()
        .toBuffer(),
    );
    const req = plainEditRequest({ assetId: img.assetId, canvas: { width: 6000, height: 4000 }, mask: { png, rect } });
    const withKey = await startMain({ OPENAI_API_KEY: 'sk-bench-0000000000' });
    withKey.svc.store = main.svc.store;
    clearRegionCache();
    let t = performance.now();
    const first = await prepareEdit(withKey.svc, req as never);
    const prepColdMs = performance.now() - t;
    const warm: number[] = [];
    for (let i = 0; i < (quick ? 5 : 15); i++) {
      t = performance.now();
      await prepareEdit(withKey.svc, req as never);
      warm.push(performance.now() - t);
    }
    await withKey.close();

    // Composite of a 2048² candidate.
    const N = 2048;
    const generated = new Uint8Array(N * N * 4);
    const original = new Uint8Array(N * N * 4);
    for (let i = 0; i < generated.length; i++) {
      generated[i] = (i * 31) & 255;
      original[i] = (i * 17) & 255;
    }
    const mask = new Uint8Array(N * N);
    for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) if ((x - 1024) ** 2 + (y - 1024) ** 2 < 700 ** 2) mask[y * N + x] = 255;
    const comp: number[] = [];
    let patch: Uint8Array = new Uint8Array(0);
    // Warm-up runs (JIT, first-touch allocation) are not counted; then steady state.
    for (let i = 0; i < 3; i++) buildPatch({ width: N, height: N, generated, original, mask, featherPx: 12, colourMatch: true });
    for (let i = 0; i < (quick ? 5 : 12); i++) {
      t = performance.now();
      patch = buildPatch({ width: N, height: N, generated, original, mask, featherPx: 12, colourMatch: true });
      comp.push(performance.now() - t);
    }
    t = performance.now();
    await sharp(patch, { raw: { width: N, height: N, channels: 4 } })
      .png({ compressionLevel: 3 })
      .toBuffer();
    const compositePngMs = performance.now() - t;

    // Client overhead: SDK round trip against an instant loopback server.
    const answer = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    const body = JSON.stringify({
      created: 1,
      data: [{ b64_json: answer.toString('base64') }],
      usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 },
    });
    const server = createServer((q, s) => {
      q.resume();
      q.on('end', () => s.writeHead(200, { 'content-type': 'application/json' }).end(body));
    });
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    const port = (server.address() as { port: number }).port;
    const provider = createOpenAIProvider({ apiKey: 'sk-bench', baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0, timeoutMs: 30_000 });
    const image = new Uint8Array(
      await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#404040' } })
        .png()
        .toBuffer(),
    );
    const rmask = new Uint8Array(1024 * 1024).fill(255, 0, 300_000);
    const client: number[] = [];
    for (let i = 0; i < (quick ? 5 : 20); i++) {
      t = performance.now();
      await provider.edit(
        { model: 'gpt-image-2', prompt: 'x', image, mask: rmask, size: { width: 1024, height: 1024 }, n: 1, references: [] },
        { signal: new AbortController().signal },
      );
      client.push(performance.now() - t);
    }
    server.close();
    const result: EditBenchResult = {
      prepColdMs: r1(prepColdMs),
      prepWarmMs: { p50: r1(pct(warm, 0.5)), p95: r1(pct(warm, 0.95)) },
      prepRegion: { width: first.region.width, height: first.region.height },
      prepRequest: { width: first.request.width, height: first.request.height },
      compositeMs: { p50: r1(pct(comp, 0.5)), p95: r1(pct(comp, 0.95)) },
      compositePngMs: r1(compositePngMs),
      clientOverheadMs: { p50: r1(pct(client, 0.5)), p95: r1(pct(client, 0.95)) },
      targets: { clientMs: 40, client: pct(client, 0.5) <= 40 },
    };
    return result;
  } finally {
    await main.close();
    await rm(tmp, { recursive: true, force: true });
  }
}
