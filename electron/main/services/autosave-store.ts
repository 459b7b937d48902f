/**
 * Crash-safe autosave of the open document. One file, `session.bin`, holds the whole save (document
 * JSON, optional mask PNG) with a SHA-256 trailer. A save is written to a temp file, flushed to disk
 * and renamed over the previous one, so at every instant the folder holds either the previous
 * complete save or the new complete save, never a mixture. A damaged or truncated file reads as
 * "no save" (null), never as an error.
 *
 * Layout: MAGIC | u32 BE header length | header JSON (UTF-8) | mask PNG bytes | SHA-256 of all before.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { AUTOSAVE_MAX_DOCUMENT_CHARS } from '../../../shared/ipc/contract';

const MAGIC = Buffer.from('MASKWORK-AUTOSAVE-1\n', 'utf8');
const HASH_BYTES = 32;
const FILE_NAME = 'session.bin';
const TEMP_SUFFIX = '.tmp';

/** Document-pixel rectangle of the saved mask PNG. */
export interface AutosaveRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One complete autosave. */
export interface AutosaveRecord {
  /** ms since the epoch. */
  savedAt: number;
  /** The document records as JSON text. */
  document: string;
  /** Mask values inside `rect` as a grey PNG; absent when the mask is empty. */
  mask?: { png: Uint8Array; rect: AutosaveRect };
}

interface Header {
  savedAt: number;
  document: string;
  mask?: { rect: AutosaveRect; length: number };
}

/** Test seam: runs after the temp file is fully written and before it replaces the previous save. */
export interface AutosaveHooks {
  beforeRename?: (tempPath: string) => Promise<void>;
}

/** The autosave folder: `save` replaces atomically, `load` returns the last complete save or null, `clear` deletes it. */
export class AutosaveStore {
  private chain: Promise<unknown> = Promise.resolve();
  private seq = 0;

  constructor(
    readonly dir: string,
    private readonly hooks: AutosaveHooks = {},
  ) {}

  /** Path of the current save (it may not exist). */
  get path(): string {
    return join(this.dir, FILE_NAME);
  }

  /**
   * Validates and writes a save. Saves are serialised: the last call wins. Throws `validation` for a
   * bad record (the previous save is untouched) and `io` when the disk refuses.
   */
  save(record: AutosaveRecord): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = encode(record);
    } catch (e) {
      return Promise.reject(e);
    }
    const run = this.chain.then(() => this.write(bytes));
    this.chain = run.catch(() => {});
    return run;
  }

  /** The last complete save, or null when there is none or it is unreadable. */
  async load(): Promise<AutosaveRecord | null> {
    await this.chain;
    let buf: Buffer;
    try {
      buf = await readFile(this.path);
    } catch {
      return null;
    }
    return decode(buf);
  }

  /** Deletes the save and any leftover temp files. */
  clear(): Promise<boolean> {
    const run = this.chain.then(async () => {
      let existed = true;
      await rm(this.path).catch(() => {
        existed = false;
      });
      await this.removeTemps();
      return existed;
    });
    this.chain = run.catch(() => {});
    return run;
  }

  private async write(bytes: Buffer): Promise<void> {
    const temp = join(this.dir, `${FILE_NAME}.${process.pid}.${++this.seq}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
    try {
      await mkdir(this.dir, { recursive: true });
      const fh = await open(temp, 'w');
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await this.hooks.beforeRename?.(temp);
      await rename(temp, this.path);
    } catch (e) {
      await rm(temp, { force: true }).catch(() => {});
      if (e instanceof AppError) throw e;
      throw new AppError(
        { kind: 'io', message: `The session could not be autosaved (${e instanceof Error ? e.message : String(e)}).` },
        { cause: e },
      );
    }
  }

  private async removeTemps(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((n) => n.startsWith(FILE_NAME) && n.endsWith(TEMP_SUFFIX))
        .map((n) => rm(join(this.dir, n), { force: true }).catch(() => {})),
    );
  }
}

function invalid(message: string): AppError {
  return new AppError({ kind: 'validation', message: `Autosave refused: ${message}` });
}

function checkRect(r: AutosaveRect): boolean {
  return [r.x, r.y, r.width, r.height].every(Number.isInteger) && r.width > 0 && r.height > 0;
}

/** Serialises a record, refusing a non-JSON or oversized document or a malformed mask. */
function encode(record: AutosaveRecord): Buffer {
  if (!Number.isFinite(record.savedAt)) throw invalid('savedAt must be a number.');
  if (typeof record.document !== 'string') throw invalid('the document must be JSON text.');
  if (record.document.length > AUTOSAVE_MAX_DOCUMENT_CHARS || Buffer.byteLength(record.document, 'utf8') > AUTOSAVE_MAX_DOCUMENT_CHARS) {
    throw invalid(`the document is larger than ${AUTOSAVE_MAX_DOCUMENT_CHARS / 2 ** 20} MB.`);
  }
  try {
    JSON.parse(record.document);
  } catch {
    throw invalid('the document is not valid JSON.');
  }
  const header: Header = { savedAt: record.savedAt, document: record.document };
  let png: Buffer = Buffer.alloc(0);
  if (record.mask) {
    if (!checkRect(record.mask.rect)) throw invalid('the mask rectangle is malformed.');
    png = Buffer.from(record.mask.png.buffer, record.mask.png.byteOffset, record.mask.png.byteLength);
    const { x, y, width, height } = record.mask.rect;
    header.mask = { rect: { x, y, width, height }, length: png.byteLength };
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.byteLength);
  const body = Buffer.concat([MAGIC, len, json, png]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** Parses a save file; anything unexpected (truncation, bit rot, another format) gives null. */
function decode(buf: Buffer): AutosaveRecord | null {
  try {
    if (buf.byteLength < MAGIC.byteLength + 4 + HASH_BYTES) return null;
    if (!buf.subarray(0, MAGIC.byteLength).equals(MAGIC)) return null;
    const body = buf.subarray(0, buf.byteLength - HASH_BYTES);
    if (
      !createHash('sha256')
        .update(body)
        .digest()
        .equals(buf.subarray(buf.byteLength - HASH_BYTES))
    )
      return null;
    const jsonLen = body.readUInt32BE(MAGIC.byteLength);
    const jsonStart = MAGIC.byteLength + 4;
    if (jsonStart + jsonLen > body.byteLength) return null;
    const header = JSON.parse(body.subarray(jsonStart, jsonStart + jsonLen).toString('utf8')) as Header;
    if (typeof header.savedAt !== 'number' || typeof header.document !== 'string') return null;
    JSON.parse(header.document);
    const rest = body.subarray(jsonStart + jsonLen);
    if (!header.mask) return rest.byteLength === 0 ? { savedAt: header.savedAt, document: header.document } : null;
    if (!checkRect(header.mask.rect) || header.mask.length !== rest.byteLength) return null;
    return { savedAt: header.savedAt, document: header.document, mask: { png: new Uint8Array(rest), rect: header.mask.rect } };
  } catch {
    return null;
  }
}
