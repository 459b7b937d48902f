/**
 * `maskwork batch`: the same edit, fill or expand over a folder of images, one after another, with a
 * per-image result (a failure is reported and the batch goes on). Masks come from one file used for
 * every image (`--mask`) or a folder with one mask per image (`--masks`, `<stem>.png` or
 * `<stem>.mask.png`).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { AppError, type AppErrorInfo } from '../../shared/errors';
import { UsageError } from './args';
import { runEdit } from './edit-command';
import { runExpand } from './expand-command';

export const BATCH_USAGE = `maskwork batch <edit|fill|expand> --images <folder> [--mask <png> | --masks <folder>]
              --out <folder> [--format png|jpg|webp] [options of that command] [--json]`;

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff']);

export interface BatchItem {
  image: string;
  ok: boolean;
  outputs?: string[];
  estimatedCostUsd?: number;
  error?: AppErrorInfo;
}

/** Pulls one `--name value` pair out of argv. */
function take(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
  argv.splice(i, 2);
  return v;
}

export async function runBatch(
  argv: string[],
  log: (line: string) => void,
): Promise<{ items: BatchItem[]; ok: number; failed: number; estimatedCostUsd: number }> {
  const [op, ...rest] = argv;
  if (op !== 'edit' && op !== 'fill' && op !== 'expand') throw new UsageError('batch needs an operation: edit, fill or expand');
  const args = [...rest];
  const images = take(args, 'images');
  const out = take(args, 'out');
  const mask = take(args, 'mask');
  const masks = take(args, 'masks');
  const format = take(args, 'format') ?? 'png';
  if (!images || !out) throw new UsageError('--images and --out are required');
  if (!['png', 'jpg', 'webp'].includes(format)) throw new UsageError('--format must be png, jpg or webp');
  if (op !== 'expand' && !mask === !masks) throw new UsageError(`batch ${op} needs --mask <png> or --masks <folder>`);
  if (args.includes('--image') || args.includes('--out')) throw new UsageError('give --images and --out for a batch, not --image');
  const json = args.includes('--json');
  const inner = args.filter((a) => a !== '--json');
  let files: string[];
  try {
    files = (await readdir(resolve(images))).filter((f) => IMAGE_EXT.has(extname(f).toLowerCase())).sort();
  } catch {
    throw new AppError({ kind: 'io', message: `Cannot read the folder ${images}.` });
  }
  if (!files.length) throw new AppError({ kind: 'invalid-request', message: `No images (jpg, png, webp, tif) in ${images}.` });
  await mkdir(resolve(out), { recursive: true });
  const items: BatchItem[] = [];
  for (const [i, f] of files.entries()) {
    const stem = basename(f, extname(f));
    const image = join(resolve(images), f);
    const target = join(resolve(out), `${stem}.${format}`);
    if (!json) log(`[${i + 1}/${files.length}] ${f}`);
    try {
      const maskArgs = op === 'expand' ? [] : ['--mask', mask ? resolve(mask) : findMask(resolve(masks!), stem)];
      const argvOne = ['--image', image, ...maskArgs, '--out', target, ...inner, '--json'];
      const r = op === 'expand' ? await runExpand(argvOne) : await runEdit(argvOne, op === 'fill');
      items.push({ image, ok: true, outputs: r.outputs as string[], estimatedCostUsd: r.estimatedCostUsd as number });
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const info = e instanceof AppError ? e.info : { kind: 'internal' as const, message: e instanceof Error ? e.message : String(e) };
      items.push({ image, ok: false, error: info });
      if (!json) log(`  failed: ${info.kind}: ${info.message}`);
    }
  }
  const ok = items.filter((x) => x.ok).length;
  const estimatedCostUsd = Math.round(items.reduce((s, x) => s + (x.estimatedCostUsd ?? 0), 0) * 10000) / 10000;
  return { items, ok, failed: items.length - ok, estimatedCostUsd };
}

function findMask(folder: string, stem: string): string {
  for (const name of [`${stem}.png`, `${stem}.mask.png`, `${stem}-mask.png`]) {
    const p = join(folder, name);
    if (existsSync(p)) return p;
  }
  throw new AppError({
    kind: 'invalid-request',
    message: `No mask for ${stem} in ${folder} (looked for ${stem}.png, ${stem}.mask.png, ${stem}-mask.png).`,
    rule: 'mask',
  });
}
