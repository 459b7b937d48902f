/**
 * OpenAI's mask as a PNG, written directly: RGBA, black, alpha 0 where the pipeline's mask is
 * non-zero (editable) and 255 elsewhere. A mask is mostly long runs, so every row is filtered to
 * almost nothing — a row like the one above it with PNG's Up filter (all zeros), any other row with
 * Sub (zeros except where the alpha changes) — and zlib's run-length strategy deflates the result in
 * a few milliseconds (a general PNG encoder spends 15–25 ms on the 1056×912 mask of a typical edit).
 *
 * The filtered rows are written into one scratch buffer kept between calls: on the machines measured,
 * first touching fresh memory costs about 3 ms per megabyte, more than the encoding itself. The
 * deflate is synchronous, so no two calls ever share the scratch buffer.
 */
import { promisify } from 'node:util';
import { constants, deflate, deflateSync } from 'node:zlib';
import { chunkOf } from '../export/png-chunks';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const FILTER_SUB = 1;
const FILTER_UP = 2;

/** Largest scratch buffer kept between calls (a 4K request's rows are 67 MB: those are let go). */
const KEEP_BYTES = 16 << 20;
let scratch = new Uint8Array(0);

/** The filtered image data (one filter byte + width × 4 bytes per row), in the scratch buffer. */
function filteredRows(mask: Uint8Array, width: number, height: number, into?: Uint8Array): Uint8Array {
  const stride = width * 4 + 1;
  const size = stride * height;
  let out: Uint8Array;
  if (into) {
    out = into.subarray(0, size);
    out.fill(0);
  } else if (size > KEEP_BYTES) out = new Uint8Array(size);
  else {
    if (scratch.length < size) scratch = new Uint8Array(size);
    out = scratch.subarray(0, size);
    out.fill(0);
  }
  for (let y = 0; y < height; y++) {
    const o = y * stride;
    const r = y * width;
    let same = y > 0;
    if (same) {
      for (let x = 0; x < width; x++) {
        if ((mask[r + x] === 0) !== (mask[r - width + x] === 0)) {
          same = false;
          break;
        }
      }
    }
    if (same) {
      out[o] = FILTER_UP; // every byte equals the one above: all differences are 0
      continue;
    }
    out[o] = FILTER_SUB;
    // RGB stays 0; alpha is written as its difference from the pixel to the left, non-zero only where it changes.
    let prev = 0;
    for (let x = 0; x < width; x++) {
      const a = mask[r + x] === 0 ? 255 : 0;
      if (a !== prev) {
        out[o + 4 + x * 4] = (a - prev) & 255;
        prev = a;
      }
    }
  }
  return out;
}

const DEFLATE = { level: 1, strategy: constants.Z_RLE };

function png(width: number, height: number, data: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  return Buffer.concat([SIGNATURE, ...chunkOf('IHDR', [ihdr]), ...chunkOf('IDAT', [data]), ...chunkOf('IEND', [])]);
}

/** The PNG: IHDR (8-bit RGBA), one IDAT, IEND. Decodes to exactly the mask's alpha convention. */
export function alphaMaskPng(mask: Uint8Array, width: number, height: number): Buffer {
  return png(width, height, deflateSync(filteredRows(mask, width, height), DEFLATE));
}

const deflating = promisify(deflate);
/** Scratch buffers for {@link alphaMaskPngOff} not in use (a deflate off the thread holds its own until it is done). */
const offScratch: Uint8Array[] = [];

/**
 * {@link alphaMaskPng} (the same bytes) with its deflate on libuv's thread pool, not main's thread:
 * a mask made ahead (`makeMaskAhead`) is deflated while main's thread goes on — an outpaint tile's
 * request mask while its pre-fill runs (≈ 10–20 ms of a 2912×1248 mask's 15–25 ms).
 */
export async function alphaMaskPngOff(mask: Uint8Array, width: number, height: number): Promise<Buffer> {
  const size = (width * 4 + 1) * height;
  if (size > KEEP_BYTES) return alphaMaskPng(mask, width, height);
  const k = offScratch.findIndex((b) => b.length >= size);
  const held = k >= 0 ? offScratch.splice(k, 1)[0] : new Uint8Array(size);
  try {
    return png(width, height, await deflating(filteredRows(mask, width, height, held), DEFLATE));
  } finally {
    if (offScratch.length < 2) offScratch.push(held);
  }
}
