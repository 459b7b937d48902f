/**
 * `maskwork batch`: the same edit, fill or expand over a folder of images, one after another, with a
 * per-image result (a failure is reported and the batch goes on). Masks come from one file used for
 * every image (`--mask`) or a folder with one mask per image (`--masks`, `<stem>.png`,
 * `<stem>.mask.png` or `<stem>-mask.png`, else its one `<stem>.mask-<label>.png`; when that folder
 * is the images folder, only the mask-named ones: there `<stem>.png` is the image). Mask-named files
 * are never listed as images (the app batch's rule, batch-files.ts). The options are those of the
 * operation, with --images and --out naming folders; outputs are `<stem>.<format>` (two images of
 * one stem: `<stem>-<ext>.<format>`, outputStems); an output that exists is refused (that image
 * fails) unless --overwrite.
 */
import { readdirSync, realpathSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { AppError, type AppErrorInfo } from '../../shared/errors';
import { IMAGE_EXT, isMaskName, maskNamesText, outputStems, pickMask, severalMasksMessage } from '../main/batch/batch-files';
import { unreadableFolder } from '../main/services/read-errors';
import { OPENABLE_IMAGE_NAMES } from '../../shared/files/image-formats';
import { flag, oneOfOr, optional, parseOptions, required, UsageError } from './args';
import { submitBatchApi } from './batch-api-command';
import { chargedOf, chargedText } from './charged';
import { interrupted } from './interrupt';
import { autoReport, chooseModel, chooseModelFor, qualityFor, readRules } from './model-choice';

/** What Auto sends through the Batch API when the rules pick a model it does not serve. */
const BATCH_AUTO_MODEL = 'gemini-3.1-flash-image';
import { EDIT_OPTIONS, FILL_OPTIONS, editOptionsOf, fillOptionsOf, runEdit } from './edit-command';
import { EXPAND_OPTIONS, checkExtent, runExpand } from './expand-command';

const FOLDERS = { images: required(), out: required(), format: oneOfOr(['png', 'jpg', 'webp', 'tif', 'tiff', 'psd'], 'png') };

export interface BatchItem {
  image: string;
  ok: boolean;
  outputs?: string[];
  estimatedCostUsd?: number;
  /** The offline engine: each output's seed (`--seed` with it repeats that output). */
  seeds?: number[];
  error?: AppErrorInfo;
  /** A failed image: what the requests it sent were still charged, and how many. */
  spentUsd?: number;
  requestsCharged?: number;
}

function without<T extends Record<string, unknown>, K extends string>(o: T, keys: readonly K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k as K))) as Omit<T, K>;
}

export async function runBatch(
  argv: string[],
  log: (line: string) => void,
): Promise<{ items: BatchItem[]; ok: number; failed: number; estimatedCostUsd: number }> {
  const [op, ...rest] = argv;
  if (op !== 'edit' && op !== 'fill' && op !== 'expand') throw new UsageError('batch needs an operation: edit, fill or expand');
  const masked = { ...FOLDERS, mask: optional(), masks: optional() };
  // Parse everything up front so a usage error stops the batch before the first image.
  type RunOne = (image: string, out: string, stem: string) => Promise<Record<string, unknown>>;
  let runOne: RunOne;
  let folders: { images: string; out: string; format: string; json: boolean };
  if (op === 'edit') {
    const { images, out, format, mask, masks, ...o } = parseOptions('batch edit', rest, {
      ...without(EDIT_OPTIONS, ['image', 'mask', 'out']),
      ...masked,
    });
    const maskOf = maskFinder(op, mask, masks, images);
    runOne = (image, target, stem) => runEdit(editOptionsOf({ ...o, image, mask: maskOf(stem), out: target, json: true }), log);
    folders = { images, out, format, json: o.json };
  } else if (op === 'fill') {
    const { images, out, format, mask, masks, ...o } = parseOptions('batch fill', rest, {
      ...without(FILL_OPTIONS, ['image', 'mask', 'out']),
      ...masked,
    });
    const maskOf = maskFinder(op, mask, masks, images);
    runOne = (image, target, stem) => runEdit(fillOptionsOf({ ...o, image, mask: maskOf(stem), out: target, json: true }), log);
    folders = { images, out, format, json: o.json };
  } else {
    const { images, out, format, ...o } = checkExtent(
      parseOptions('batch expand', rest, { ...without(EXPAND_OPTIONS, ['image', 'out']), ...FOLDERS }),
    );
    runOne = (image, target) => runExpand({ ...o, image, out: target, json: true });
    folders = { images, out, format, json: o.json };
  }
  const files = await listImages(folders.images);
  await mkdir(resolve(folders.out), { recursive: true });
  const items: BatchItem[] = [];
  // photo.jpg and photo.png write photo-jpg.png and photo-png.png, not both photo.png (batch-files.ts).
  const outStems = outputStems(files);
  for (const [i, f] of files.entries()) {
    const stem = basename(f, extname(f));
    const image = join(resolve(folders.images), f);
    if (!folders.json) log(`[${i + 1}/${files.length}] ${f}`);
    try {
      // The image as the folder was given (messages name it so); the report has its full path.
      const r = await runOne(join(folders.images, f), join(resolve(folders.out), `${outStems[i]}.${folders.format}`), stem);
      const seeds = r.seeds as number[] | undefined;
      items.push({
        image,
        ok: true,
        outputs: r.outputs as string[],
        estimatedCostUsd: r.estimatedCostUsd as number,
        ...(seeds ? { seeds } : {}),
      });
    } catch (e) {
      // Interrupted (Ctrl+C): the batch stops here; the entry says what was written and charged.
      if (e instanceof UsageError || interrupted()) throw e;
      const info = e instanceof AppError ? e.info : { kind: 'internal' as const, message: e instanceof Error ? e.message : String(e) };
      // Requests sent before it failed may be charged: said per image and counted in the batch's sum.
      const charged = chargedOf(e);
      items.push({ image, ok: false, error: info, ...charged });
      const note = chargedText(e);
      if (!folders.json) log(`  failed: ${info.kind}: ${info.message}${note ? ` ${note}.` : ''}`);
    }
  }
  const ok = items.filter((x) => x.ok).length;
  const estimatedCostUsd = Math.round(items.reduce((s, x) => s + (x.estimatedCostUsd ?? x.spentUsd ?? 0), 0) * 10000) / 10000;
  return { items, ok, failed: items.length - ok, estimatedCostUsd };
}

/**
 * The images of a folder (jpg, png, webp, tif, gif, avif, psd: the app batch's list), sorted by name; files
 * named like masks (`<stem>-mask.png`, `<stem>.mask.png`, `<stem>.mask-<label>.png`) are masks, not images.
 */
async function listImages(folder: string): Promise<string[]> {
  let files: string[];
  try {
    files = (await readdir(resolve(folder))).filter((f) => IMAGE_EXT.has(extname(f).toLowerCase()) && !isMaskName(f)).sort();
  } catch (e) {
    throw unreadableFolder(folder, e);
  }
  if (!files.length) throw new AppError({ kind: 'invalid-request', message: `No images (${OPENABLE_IMAGE_NAMES}) in ${folder}.` });
  return files;
}

/**
 * `batch edit … --batch-api`: every image of the folder as one Gemini Batch API job (Nano Banana
 * models; half price, results within 24 h). Returns at once with the batch id and state.
 */
export async function runBatchApiSubmit(argv: string[]) {
  const [op, ...rest] = argv;
  if (op !== 'edit') throw new UsageError('--batch-api works with batch edit (a Nano Banana model)');
  const {
    images,
    out,
    format,
    mask,
    masks,
    'batch-api': _flag,
    ...o
  } = parseOptions('batch edit', rest, {
    ...without(EDIT_OPTIONS, ['image', 'mask', 'out', 'n', 'ref', 'text', 'retry-text', 'seed']),
    // Left out, as for edit: each image is sent main's removal prompt (batchRequestOf, REMOVE_PROMPT).
    prompt: optional(),
    ...FOLDERS,
    mask: optional(),
    masks: optional(),
    'batch-api': flag(),
  });
  const { rules, ...opt } = o;
  // Auto may only pick among the Batch API's models: the Nano Banana ones (GEMINI_API_KEY).
  const picked = chooseModelFor(opt.model, {
    prompt: opt.prompt ?? '',
    outpaint: null,
    quality: opt.quality,
    env: { GEMINI_API_KEY: process.env.GEMINI_API_KEY },
    rules: await readRules(rules),
  });
  // The rules may pick a model the Batch API does not serve: then Auto takes Nano Banana 2 and says why.
  const fallback = picked.auto && picked.spec.provider !== 'gemini';
  const spec = fallback ? chooseModel(BATCH_AUTO_MODEL) : picked.spec;
  const auto = picked.auto && {
    ...picked.auto,
    ...(fallback
      ? {
          modelId: BATCH_AUTO_MODEL,
          ruleId: 'batch-api',
          reason: `the Batch API serves Nano Banana models only (the rules picked ${picked.auto.modelId}: ${picked.auto.reason})`,
        }
      : {}),
  };
  if (spec.provider !== 'gemini')
    throw new UsageError(`--batch-api is for Nano Banana models (gemini-3.1-flash-image, gemini-3-pro-image), not ${spec.id}`);
  const quality = qualityFor(spec, o.quality);
  if (format !== 'png' && format !== 'jpg' && format !== 'webp') throw new UsageError('--batch-api writes --format png, jpg or webp');
  const maskOf = maskFinder(op, mask, masks, images);
  const files = await listImages(images);
  const pairs = files.map((f) => ({ image: join(resolve(images), f), mask: maskOf(basename(f, extname(f))) }));
  await mkdir(resolve(out), { recursive: true });
  const r = await submitBatchApi({
    images: pairs,
    out,
    format,
    prompt: o.prompt ?? '',
    model: spec.id,
    ...(quality ? { quality } : {}),
    featherPx: Number(o.feather),
    colorMatch: !o['no-color-match'],
    overwrite: o.overwrite,
  });
  return { ...r, ...autoReport(auto) };
}

/**
 * The mask for an image: the one `--mask` for all, or its own in the `--masks` folder (without
 * either, the images folder, when it holds mask-named files). When that folder is the images folder (also through another spelling or a symlink), `<stem>.png` there is
 * an image — the image itself, or a PNG of the same name — and is never taken as a mask.
 */
function maskFinder(op: string, mask: string | undefined, masks: string | undefined, images: string): (stem: string) => string {
  if (mask && masks) throw new UsageError(`batch ${op} takes --mask <png> or --masks <folder>, not both`);
  if (mask) return () => resolve(mask);
  // Neither: the masks beside the photos (photo.mask.png …), as the README's layout has them.
  if (!masks && !readable(resolve(images)).some(isMaskName)) {
    throw new UsageError(
      `batch ${op} needs --mask <png> (one for all), --masks <folder>, or each photo's mask beside it (<stem>.mask.png, <stem>-mask.png or <stem>.mask-<label>.png); ${images} has none`,
    );
  }
  const folder = resolve(masks ?? images);
  const beside = samePlace(folder, resolve(images));
  let names: string[] | undefined;
  return (stem) => {
    // Read once, when the first image asks; a folder that cannot be read has no masks (each image fails, as before).
    names ??= readable(folder);
    return findMask(folder, names, stem, beside);
  };
}

function readable(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function samePlace(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  return a === b || real(a) === real(b);
}

function findMask(folder: string, names: readonly string[], stem: string, besideImages: boolean): string {
  const { mask, several } = pickMask(stem, names, besideImages);
  if (mask) return join(folder, mask);
  throw new AppError({
    kind: 'invalid-request',
    message: several
      ? severalMasksMessage(stem, several)
      : `No mask for ${stem} in ${folder} (looked for ${maskNamesText(stem, besideImages)}).`,
    rule: 'mask',
  });
}
