/**
 * Files picked for a batch in main's dialogs, held by opaque id (the renderer never sends a path).
 * A per-file mask is found by name as the CLI does it: beside the image as `<stem>.mask.png` or
 * `<stem>-mask.png`, or in a `masks/` folder next to it as `<stem>.png`, `<stem>.mask.png` or
 * `<stem>-mask.png`; in both places also a labelled mask, `<stem>.mask-<label>.png` (the test
 * photos' `chelsea.mask-blob.png`), when it is the only one. Files named like masks are matched,
 * never listed as images. The output names of a batch (app and CLI) are made here too.
 */
import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { BatchFile } from '../../../shared/ipc/batch-contract';
import { OPENABLE_IMAGE_EXTENSIONS, OPENABLE_IMAGE_NAMES } from '../../../shared/files/image-formats';
import { unreadableFolder } from '../services/read-errors';

/**
 * What a batch lists: the formats the app opens by name (the same list as Ctrl+O's: it lacked .gif and
 * .avif), a PSD as its merged image (services/psd-import.ts). Each item opens as Ctrl+O opens it.
 */
export const IMAGE_EXT = new Set(OPENABLE_IMAGE_EXTENSIONS.map((e) => `.${e}`));
/**
 * `<stem>.mask.png`, `<stem>-mask.png`, and the dot form with a label: `<stem>.mask-<label>.png`
 * (also `.mask_<label>` and `.mask.<label>`), as in `photo.mask-sky.png`. Not `photo.masked.png`.
 */
const MASK_NAME = /(?:-mask|\.mask(?:[-_.][^/\\]+)?)\.png$/i;

/** A file named like a mask (`<stem>.mask.png`, `<stem>-mask.png`, `<stem>.mask-<label>.png`): matched to its image, never listed as one. */
export const isMaskName = (name: string) => MASK_NAME.test(name);

/**
 * The names a mask of the image `<stem>.*` may have, in the order they are tried: beside the image
 * only the mask-named ones (there `<stem>.png` is an image, maybe the image itself); in a masks
 * folder of its own also `<stem>.png`. After these, a labelled `<stem>.mask-<label>.png` (see
 * `pickMask`).
 */
export function maskNamesFor(stem: string, besideImage: boolean): string[] {
  return [...(besideImage ? [] : [`${stem}.png`]), `${stem}.mask.png`, `${stem}-mask.png`];
}

/** The mask names `maskNamesFor` tries and the labelled form, for messages. */
export const maskNamesText = (stem: string, besideImage: boolean) =>
  [...maskNamesFor(stem, besideImage), `${stem}.mask-<label>.png`].join(', ');

/** `<stem>.mask-<label>.png` (or `.mask_<label>`, `.mask.<label>`): a labelled mask of that image. */
const isLabelledMaskOf = (name: string, stem: string) =>
  name.startsWith(`${stem}.`) && /^\.mask[-_.][^/\\]+\.png$/i.test(name.slice(stem.length));

/**
 * The mask of the image `<stem>.*` among the file names of one folder: the first of `maskNamesFor`
 * there, else its only labelled mask (`<stem>.mask-blob.png`). Several labelled masks and none of
 * the plain names is not guessed (each may mark another part of the photo): `several` lists them.
 */
export function pickMask(stem: string, names: readonly string[], besideImage: boolean): { mask: string | null; several?: string[] } {
  const plain = maskNamesFor(stem, besideImage).find((n) => names.includes(n));
  if (plain) return { mask: plain };
  const labelled = names.filter((n) => isLabelledMaskOf(n, stem)).sort();
  if (labelled.length === 1) return { mask: labelled[0] };
  return labelled.length ? { mask: null, several: labelled } : { mask: null };
}

/** Why an image with several labelled masks is not sent: what to do about it. */
export function severalMasksMessage(image: string, several: readonly string[]): string {
  const stem = basename(image, extname(image));
  return `${image} has ${several.length} masks (${several.join(', ')}): keep only the one to use, or copy it to ${stem}.mask.png.`;
}

function listing(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The mask of `image` found by name (beside it, then in `masks/` beside it), or null; `several`
 * when a folder has more than one labelled mask for it and nothing else. `list` reads a folder
 * (cached by the caller for a whole folder of images).
 */
export function findMaskByName(
  image: string,
  list: (dir: string) => string[] = listing,
): { mask: string | null; several?: string[]; severalIn?: string } {
  const dir = dirname(image);
  const stem = basename(image, extname(image));
  for (const [folder, beside] of [
    [dir, true],
    [join(dir, 'masks'), false],
  ] as const) {
    const r = pickMask(stem, list(folder), beside);
    if (r.mask) return { mask: join(folder, r.mask) };
    if (r.several) return { ...r, severalIn: folder };
  }
  return { mask: null };
}

/**
 * Every file the app would take as a mask of `image` by name, beside it and in `masks/` (the plain
 * names and each labelled one): for a message naming a mask that fits when the one used does not.
 */
export function masksByName(image: string, list: (dir: string) => string[] = listing): string[] {
  const dir = dirname(image);
  const stem = basename(image, extname(image));
  return (
    [
      [dir, true],
      [join(dir, 'masks'), false],
    ] as const
  ).flatMap(([folder, beside]) => {
    const names = list(folder);
    const plain = maskNamesFor(stem, beside).filter((n) => names.includes(n));
    return [...plain, ...names.filter((n) => isLabelledMaskOf(n, stem)).sort()].map((n) => join(folder, n));
  });
}

/**
 * Output stems for a batch's images (file names, in batch order), distinct also ignoring case: the
 * image's own stem (`rocket.jpg` → `rocket`); when two images of the batch share a stem, each
 * carries its extension (`photo.jpg` → `photo-jpg`, `photo.png` → `photo-png`); a clash left after
 * that (the same name from two folders) is numbered in batch order (`photo-jpg`, `photo-jpg-2`).
 * The app writes `<output stem>-edited.<ext>`, the CLI `<output stem>.<format>`.
 */
export function outputStems(names: readonly string[]): string[] {
  const stems = names.map((n) => basename(n, extname(n)));
  const key = (s: string) => s.toLowerCase();
  const count = new Map<string, number>();
  for (const s of stems) count.set(key(s), (count.get(key(s)) ?? 0) + 1);
  const out = stems.map((s) => (count.get(key(s)) === 1 ? s : null));
  const taken = new Set(out.filter((s): s is string => s !== null).map(key));
  return out.map((s, i) => {
    if (s !== null) return s;
    const ext = extname(names[i]).slice(1).toLowerCase();
    const base = ext ? `${stems[i]}-${ext}` : stems[i];
    let name = base;
    for (let k = 2; taken.has(key(name)); k++) name = `${base}-${k}`;
    taken.add(key(name));
    return name;
  });
}

export class BatchFiles {
  private readonly files = new Map<string, { path: string; mask: string | null; several?: string[]; severalIn?: string }>();
  /** Images dropped without a path, kept as copies in the data folder: no mask can be put beside them. */
  readonly copies = new Set<string>();
  /** The id each image path was given: picked again (Add images… then Add folder… over it), it keeps it. */
  private readonly ids = new Map<string, string>();

  /**
   * Registers picked image paths (mask-named files are skipped) and returns them by id; a path
   * picked before comes back under its first id (its mask looked for again), so the panel lists it once.
   */
  /** Every image path listed for the new batch (a dropped copy among them stays on Clear finished). */
  imagePaths(): Set<string> {
    return new Set([...this.files.values()].map((f) => f.path));
  }

  add(paths: string[]): BatchFile[] {
    const out: BatchFile[] = [];
    // Each folder is read once for all its images.
    const folders = new Map<string, string[]>();
    const list = (dir: string) => folders.get(dir) ?? folders.set(dir, listing(dir)).get(dir)!;
    for (const p of paths) {
      const path = resolve(p);
      if (!IMAGE_EXT.has(extname(path).toLowerCase()) || isMaskName(basename(path))) continue;
      const { mask, several, severalIn } = findMaskByName(path, list);
      const fileId = this.ids.get(path) ?? `f-${randomUUID().slice(0, 12)}`;
      this.ids.set(path, fileId);
      this.files.set(fileId, { path, mask, ...(several ? { several, severalIn } : {}) });
      out.push({ fileId, name: basename(path), mask: mask ? basename(mask) : null, ...(several ? { masks: several } : {}) });
    }
    return out;
  }

  /** Every image of a folder, sorted by name. */
  async addFolder(folder: string): Promise<BatchFile[]> {
    let names: string[];
    try {
      names = (await readdir(folder)).sort();
    } catch (e) {
      throw unreadableFolder(basename(folder), e);
    }
    const files = this.add(names.map((n) => join(folder, n)));
    if (!files.length)
      throw new AppError({ kind: 'invalid-request', message: `No images (${OPENABLE_IMAGE_NAMES}) in ${basename(folder)}.` });
    return files;
  }

  /** Registers the one mask for all files. */
  addMask(path: string): { maskId: string; name: string } {
    const maskId = `m-${randomUUID().slice(0, 12)}`;
    this.files.set(maskId, { path: resolve(path), mask: null });
    return { maskId, name: basename(path) };
  }

  /**
   * Of an image's several labelled masks, the one the user picked in its row ("3 masks, which one?"):
   * it is that image's mask from now on (the list stays, to pick another). Only one of its own.
   */
  pickMask(fileId: string, name: string): BatchFile {
    const f = this.files.get(fileId);
    if (!f) throw new AppError({ kind: 'not-found', message: 'That file is no longer in the batch list; add it again.' });
    if (!f.several?.includes(name) || !f.severalIn)
      throw new AppError({ kind: 'invalid-request', message: `${name} is not one of ${basename(f.path)}'s masks.`, rule: 'mask' });
    f.mask = join(f.severalIn, name);
    return { fileId, name: basename(f.path), mask: name, masks: f.several };
  }

  /** The image path and its mask: the one mask for all, else its own by name. */
  resolve(fileId: string, maskId?: string): { name: string; image: string; mask: string } {
    const f = this.files.get(fileId);
    if (!f) throw new AppError({ kind: 'not-found', message: 'That file is no longer in the batch list; add it again.' });
    const one = maskId ? this.files.get(maskId)?.path : undefined;
    if (maskId && !one) throw new AppError({ kind: 'not-found', message: 'Choose the mask again.' });
    const mask = one ?? f.mask;
    if (!mask && f.several)
      throw new AppError({
        kind: 'invalid-request',
        // Said after the photo's name ("smarties.png: It has 3 masks …"), as a mask of another size is.
        message: `It has ${f.several.length} masks (${f.several.join(', ')}): choose the one to use in its row above (“${f.several.length} masks, which one?”).`,
        rule: 'mask',
      });
    if (!mask)
      throw new AppError({
        kind: 'invalid-request',
        message: this.copies.has(fileId)
          ? `No mask for ${basename(f.path)}: it was dropped as a copy (where it came from is not known here), so choose one mask for all.`
          : `No mask for ${basename(f.path)}: choose one mask for all, or put ${basename(f.path, extname(f.path))}-mask.png beside it.`,
        rule: 'mask',
      });
    return { name: basename(f.path), image: f.path, mask };
  }
}
