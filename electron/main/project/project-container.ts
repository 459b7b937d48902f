/**
 * The `.maskwork` container: a plain zip (any unzip tool can look inside) holding
 *
 *   mimetype            "application/x-maskwork-project" (first, stored)
 *   manifest.json       format, version, app, savedAt, the document + undo history + packed masks, asset list
 *   original/<name>     the original's bytes exactly as opened (stored)
 *   assets/<id>.<ext>   every other asset: patches, version layers, reference images (stored)
 *   masks/tiles.bin     the masks' distinct tiles (shared/project/mask-pack.ts; each tile DEFLATEd)
 *   checksums.sha256    SHA-256 of every other entry, `sha256sum` format
 *
 * Reading checks, in this order, that the zip is complete, every entry is listed in checksums.sha256
 * and matches it, the manifest is a project this build can read (migrating older versions), and every
 * embedded asset is the bytes its content address names. Any failure is a `bad-project` error with a
 * sentence for the user; nothing is changed by a failed read.
 */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../../shared/errors';
import { readManifest } from '../../../shared/project/migrations';
import type { ProjectAsset, ProjectManifest } from '../../../shared/project/project-schema';

export const MIMETYPE = 'application/x-maskwork-project';
export const MANIFEST_ENTRY = 'manifest.json';
export const TILES_ENTRY = 'masks/tiles.bin';
export const CHECKSUM_ENTRY = 'checksums.sha256';
/** Largest project file read (bytes) and largest total of its entries once expanded. */
export const MAX_PROJECT_BYTES = 2 * 1024 ** 3;
const MAX_EXPANDED_BYTES = 3 * 1024 ** 3;

/** The parts of a project file. */
export interface ProjectParts {
  manifest: ProjectManifest;
  /** Bytes by asset id (embedded assets only). */
  assets: Map<string, Uint8Array>;
  /** masks/tiles.bin */
  tiles: Uint8Array;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Builds the zip. `manifest.assets[i].entry` names where each embedded asset goes. */
export function encodeProject(parts: ProjectParts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    mimetype: strToU8(MIMETYPE),
    [MANIFEST_ENTRY]: strToU8(JSON.stringify(parts.manifest)),
  };
  for (const a of parts.manifest.assets) {
    if (!a.entry) continue;
    const bytes = parts.assets.get(a.id);
    if (!bytes) throw new AppError({ kind: 'internal', message: `The project could not be saved: the bytes of ${a.id} are missing.` });
    files[a.entry] = bytes;
  }
  files[TILES_ENTRY] = parts.tiles;
  return zipWithChecksums(files);
}

/** Zips entries (images and tiles stored, JSON deflated) with `checksums.sha256` listing each. */
export function zipWithChecksums(files: Record<string, Uint8Array>): Uint8Array {
  const sums = Object.entries(files).map(([name, bytes]) => `${sha256(bytes)}  ${name}\n`);
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) {
    // Images and the tile pool are compressed already: stored as they are (fast to write and read).
    zippable[name] = [bytes, { level: name.endsWith('.json') ? 6 : 0 }];
  }
  zippable[CHECKSUM_ENTRY] = [strToU8(sums.join('')), { level: 6 }];
  return zipSync(zippable);
}

function damaged(why: string): AppError {
  return new AppError({ kind: 'bad-project', message: why });
}

/** Reads and checks a project file's bytes; throws `bad-project` with the reason. */
export function decodeProject(bytes: Uint8Array, idOf: (bytes: Uint8Array, kind: ProjectAsset['kind']) => string): ProjectParts {
  if (bytes.byteLength < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw damaged('it is not a Maskwork project (not a zip file)');
  let files: Record<string, Uint8Array>;
  let expanded = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        expanded += f.originalSize;
        if (expanded > MAX_EXPANDED_BYTES) throw new Error('its contents expand to more than 3 GB');
        return true;
      },
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw damaged(`the file is incomplete or damaged (${why}), perhaps cut off while copying`);
  }
  const sumsBytes = files[CHECKSUM_ENTRY];
  if (!sumsBytes) throw damaged('it has no checksums (checksums.sha256 is missing)');
  const sums = new Map<string, string>();
  for (const line of strFromU8(sumsBytes).split('\n')) {
    if (!line) continue;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) throw damaged('its checksum list is damaged');
    sums.set(m[2], m[1]);
  }
  for (const [name, data] of Object.entries(files)) {
    if (name === CHECKSUM_ENTRY || name.endsWith('/')) continue;
    const want = sums.get(name);
    if (!want) throw damaged(`it contains ${name}, which its checksum list does not`);
    if (sha256(data) !== want) throw damaged(`the checksum of ${name} does not match: the file was changed or damaged after saving`);
  }
  for (const name of sums.keys()) if (!files[name]) throw damaged(`${name} is missing`);
  const manifestBytes = files[MANIFEST_ENTRY];
  const tiles = files[TILES_ENTRY];
  if (!manifestBytes || !tiles) throw damaged(`${manifestBytes ? TILES_ENTRY : MANIFEST_ENTRY} is missing`);

  const read = readManifest(strFromU8(manifestBytes));
  if (!read.ok) throw damaged(read.message);
  const manifest = read.manifest;
  const assets = new Map<string, Uint8Array>();
  for (const a of manifest.assets) {
    if (!a.entry) {
      if (manifest.embedded) throw damaged(`the image ${a.id} is not in the file`);
      continue;
    }
    const data = files[a.entry];
    if (!data) throw damaged(`${a.entry} is missing`);
    if (idOf(data, a.kind) !== a.id) throw damaged(`${a.entry} is not the image the project refers to`);
    assets.set(a.id, data);
  }
  return { manifest, assets, tiles };
}
