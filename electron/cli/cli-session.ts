/**
 * The CLI's view of main: the same services and handler table as the app (keys from the
 * environment, assets in a temp dir, "dialogs" answered by the command line's paths).
 */
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, basename, extname, dirname } from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { AppError } from '../../shared/errors';
import type { CandidateResult, JobProgress, JobResult, OpenedImage } from '../../shared/ipc/contract-types';
import { createServices } from '../main/create-services';
import { createHandlers, type MainServices } from '../main/ipc/handlers';
import { dispatch, type HandlerTable } from '../main/ipc/dispatch';
import { maskBBox } from '../main/edit/mask-input';

export class CliSession {
  private exportPaths: string[] = [];
  private constructor(
    readonly svc: MainServices,
    private readonly table: HandlerTable,
    private readonly tmp: string,
    private readonly onProgress: (p: JobProgress) => void,
  ) {}

  static async start(onProgress: (p: JobProgress) => void): Promise<CliSession> {
    const tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-'));
    const holder: { s?: CliSession } = {};
    const svc = createServices({
      host: 'cli',
      version: '0.1.0',
      assetDir: join(tmp, 'assets'),
      settingsDir: null,
      env: process.env,
      dialogs: {
        chooseImageToOpen: async () => null,
        chooseExportPath: async () => holder.s!.exportPaths.shift() ?? null,
      },
    });
    holder.s = new CliSession(svc, createHandlers(svc), tmp, onProgress);
    return holder.s;
  }

  async call<T>(channel: string, payload: unknown): Promise<T> {
    const r = await dispatch(this.table, channel, payload, { emit: (_n, p) => this.onProgress(p as JobProgress) });
    if (!r.ok) throw new AppError(r.error);
    return r.value as T;
  }

  async openImage(path: string): Promise<OpenedImage> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch {
      throw new AppError({ kind: 'io', message: `Cannot read ${path}.` });
    }
    return this.call<OpenedImage>('image:import', { bytes, name: basename(path) });
  }

  async waitJob(jobId: string): Promise<JobResult> {
    return this.svc.jobs.wait(jobId);
  }

  /** Waits for a job and returns its candidates, or throws its typed error. */
  async candidatesOf(jobId: string, endProgressLine: boolean): Promise<CandidateResult[]> {
    const result = await this.waitJob(jobId);
    if (endProgressLine) process.stderr.write('\n');
    if (result.state === 'failed') throw new AppError(result.error);
    if (result.state !== 'done') throw new AppError({ kind: 'cancelled', message: 'The job was cancelled.' });
    return result.candidates;
  }

  async exportTo(path: string, req: Record<string, unknown>): Promise<void> {
    this.exportPaths.push(path);
    await this.call('image:export', { ...req, format: formatOf(path) });
  }

  async close(): Promise<void> {
    await rm(this.tmp, { recursive: true, force: true });
  }
}

export function formatOf(path: string): 'png' | 'jpeg' | 'webp' {
  const ext = extname(path).toLowerCase();
  if (ext === '.png') return 'png';
  if (ext === '.jpg' || ext === '.jpeg') return 'jpeg';
  if (ext === '.webp') return 'webp';
  throw new AppError({ kind: 'invalid-request', message: `--out must end in .png, .jpg or .webp (got “${basename(path)}”).` });
}

/** `out.png` for one candidate; `out-1.png`, `out-2.png`, … for several. */
export function candidatePaths(out: string, n: number): string[] {
  if (n === 1) return [out];
  const ext = extname(out);
  const stem = basename(out, ext);
  return Array.from({ length: n }, (_, i) => join(dirname(out), `${stem}-${i + 1}${ext}`));
}

/**
 * Reads a mask file (white, luminance > 127, = change), checks it matches the image size, and returns
 * the PNG of its bounding box as the app's renderer would send it.
 */
export async function readMaskFile(
  path: string,
  width: number,
  height: number,
): Promise<{ png: Uint8Array; rect: { x: number; y: number; width: number; height: number } }> {
  let data: Buffer;
  let info: OutputInfo;
  try {
    ({ data, info } = await sharp(await readFile(path))
      .autoOrient()
      .flatten({ background: '#000000' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true }));
  } catch (e) {
    throw new AppError({ kind: 'bad-image', message: `The mask ${basename(path)} could not be read as an image.` }, { cause: e });
  }
  if (info.width !== width || info.height !== height) {
    throw new AppError({
      kind: 'invalid-request',
      message: `The mask is ${info.width}×${info.height} but the image is ${width}×${height}; they must be the same size.`,
      rule: 'mask size',
    });
  }
  const bin = new Uint8Array(width * height);
  for (let i = 0; i < bin.length; i++) if (data[i * info.channels] > 127) bin[i] = 255;
  const rect = maskBBox(bin, { x: 0, y: 0, width, height });
  if (!rect)
    throw new AppError({
      kind: 'invalid-request',
      message: 'The mask is empty (no pixel brighter than 127): nothing to change.',
      rule: 'mask',
    });
  const png = await sharp(Buffer.from(bin), { raw: { width, height, channels: 1 } })
    .extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height })
    .png()
    .toBuffer();
  return { png: new Uint8Array(png), rect };
}
