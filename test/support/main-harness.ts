/** Main-process services on temp dirs, driven through the same dispatch the IPC transports use. */
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createServices } from '../../electron/main/create-services';
import type { MainServices } from '../../electron/main/create-services';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { dispatch, type HandlerTable } from '../../electron/main/ipc/dispatch';
import type { Dialogs } from '../../electron/main/services/dialogs';
import type { JobProgress, JobResult } from '../../shared/ipc/contract-types';
import { maskBBox } from '../../electron/main/edit/mask-input';

export interface MainHarness {
  svc: MainServices;
  table: HandlerTable;
  tmp: string;
  progress: JobProgress[];
  call<T = any>(channel: string, payload: unknown): Promise<T>;
  callRaw(channel: string, payload: unknown): Promise<any>;
  waitJob(jobId: string): Promise<JobResult>;
  close(): Promise<void>;
}

const noDialogs: Dialogs = {
  chooseImageToOpen: async () => null,
  chooseExportPath: async () => null,
};

export async function startMain(env: Record<string, string | undefined> = {}, dialogs: Dialogs = noDialogs): Promise<MainHarness> {
  const tmp = await mkdtemp(join(tmpdir(), 'maskwork-main-'));
  const svc = createServices({
    host: 'test',
    version: '0.0.0-test',
    assetDir: join(tmp, 'assets'),
    settingsDir: join(tmp, 'settings'),
    dialogs,
    env,
  });
  const table = createHandlers(svc);
  const progress: JobProgress[] = [];
  const ctx = { emit: (_n: string, p: unknown) => progress.push(p as JobProgress) };
  const callRaw = (channel: string, payload: unknown) => dispatch(table, channel, payload, ctx as never);
  return {
    svc,
    table,
    tmp,
    progress,
    callRaw,
    async call(channel, payload) {
      const r = await callRaw(channel, payload);
      if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.kind}: ${r.error.message}`), { info: r.error });
      return r.value as never;
    },
    waitJob: (jobId) => svc.jobs.wait(jobId),
    // Retried: a write main started just before close (ledger, prefs) can land while the folder is removed.
    close: () => rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
  };
}

/** A stored candidate patch (a PNG asset) as straight RGBA, the region's size. */
export async function patchRgba(main: MainHarness, assetId: string): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(await main.svc.store.get(assetId))
      .ensureAlpha()
      .raw()
      .toBuffer(),
  );
}

/** Loads a dev-set mask (white = hole) as values and the PNG the renderer would send for its bbox. */
export async function maskForEdit(path: string): Promise<{
  values: Uint8Array;
  width: number;
  height: number;
  rect: { x: number; y: number; width: number; height: number };
  png: Uint8Array;
}> {
  const { data, info } = await sharp(await readFile(path))
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rect = maskBBox(new Uint8Array(data), { x: 0, y: 0, width: info.width, height: info.height })!;
  const crop = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height })
    .png()
    .toBuffer();
  return { values: new Uint8Array(data), width: info.width, height: info.height, rect, png: new Uint8Array(crop) };
}

/** Squared-distance-free check: is (x,y) farther than `band` px from every mask pixel? (brute force on a dilated bitmap) */
export function farFromMask(values: Uint8Array, width: number, height: number, band: number): Uint8Array {
  // Separable max filter approximating a square dilation of radius `band` (conservative: square ⊇ disc).
  const tmp = new Uint8Array(width * height);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let m = 0;
      for (let k = Math.max(0, x - band); k <= Math.min(width - 1, x + band) && !m; k++) if (values[y * width + k] > 127) m = 1;
      tmp[y * width + x] = m;
    }
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let m = 0;
      for (let k = Math.max(0, y - band); k <= Math.min(height - 1, y + band) && !m; k++) if (tmp[k * width + x]) m = 1;
      out[y * width + x] = m ? 0 : 1;
    }
  return out;
}

/** Main services wired to both local provider servers (keys and base URLs through the environment). */
export interface CloudHarness {
  openai: Awaited<ReturnType<typeof import('../servers').startOpenAIServer>>;
  gemini: Awaited<ReturnType<typeof import('../servers').startGeminiServer>>;
  main: MainHarness;
  close(): Promise<void>;
}

export async function startMainWithServers(env: Record<string, string> = {}): Promise<CloudHarness> {
  const { startOpenAIServer, startGeminiServer } = await import('../servers');
  const openai = await startOpenAIServer();
  const gemini = await startGeminiServer();
  const main = await startMain({
    OPENAI_API_KEY: 'sk-test-openai-key-1234',
    GEMINI_API_KEY: 'gm-test-gemini-key-5678',
    OPENAI_BASE_URL: openai.url,
    GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
    MASKWORK_MAX_RETRIES: '0',
    ...env,
  });
  return {
    openai,
    gemini,
    main,
    async close() {
      await openai.close();
      await gemini.close();
      await main.close();
    },
  };
}
