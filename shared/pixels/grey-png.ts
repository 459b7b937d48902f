/**
 * A greyscale 8-bit PNG assembled by hand around a zlib stream the caller supplies (the browser's
 * native `CompressionStream('deflate')`, Node's zlib): no canvas, no RGBA copy, no colour handling.
 * Rows use the Up filter, so a mask's long vertical runs compress to almost nothing. Pure.
 */

/** zlib-wrapped DEFLATE (RFC 1950) of `bytes`. */
export type Zlib = (bytes: Uint8Array) => Promise<Uint8Array>;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array, from: number, to: number): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** PNG (colour type 0, 8 bits) of `values`, `width*height` row-major. */
export async function greyPng(values: Uint8Array, width: number, height: number, zlib: Zlib): Promise<Uint8Array> {
  if (values.length !== width * height || width < 1 || height < 1)
    throw new RangeError(`grey PNG: ${values.length} values for ${width}×${height}`);
  const stride = width + 1;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const o = y * stride;
    const s = y * width;
    if (y === 0) {
      raw[o] = 0; // None
      raw.set(values.subarray(s, s + width), o + 1);
      continue;
    }
    raw[o] = 2; // Up: the difference to the row above
    for (let x = 0; x < width; x++) raw[o + 1 + x] = (values[s + x] - values[s - width + x]) & 255;
  }
  const ihdr = new Uint8Array(13);
  const h = new DataView(ihdr.buffer);
  h.setUint32(0, width);
  h.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, adaptive filtering, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', await zlib(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((t, p) => t + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** zlib inflate with an output limit (Node's `inflateSync(b, { maxOutputLength })`). */
export type Unzlib = (bytes: Uint8Array, maxOutput: number) => Uint8Array;

/**
 * Values of an 8-bit greyscale, non-interlaced PNG (what {@link greyPng} writes, with any row
 * filter), or null for any other kind of PNG (the caller decodes those another way). Never
 * inflates more than the header's size needs. Throws on a damaged file.
 */
export function decodeGreyPng(png: Uint8Array, unzlib: Unzlib): { width: number; height: number; values: Uint8Array } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 33 || sig.some((b, i) => png[i] !== b)) return null;
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  for (let o = 8; o + 12 <= png.length; ) {
    const len = v.getUint32(o);
    const type = String.fromCharCode(png[o + 4], png[o + 5], png[o + 6], png[o + 7]);
    const data = png.subarray(o + 8, o + 8 + len);
    if (data.length !== len) throw new RangeError('PNG chunk runs past the end of the file');
    if (type === 'IHDR') {
      width = v.getUint32(o + 8);
      height = v.getUint32(o + 12);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || colour !== 0 || interlace !== 0 || width < 1 || height < 1) return null;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    o += 12 + len;
  }
  if (!width || !idat.length) throw new RangeError('PNG without header or image data');
  const stride = width + 1;
  const joined = idat.length === 1 ? idat[0] : concat(idat);
  const raw = unzlib(joined, stride * height);
  if (raw.length !== stride * height) throw new RangeError(`PNG image data is ${raw.length} bytes, expected ${stride * height}`);
  const values = new Uint8Array(width * height);
  // One loop per row filter (no per-pixel branch on the filter type): None and Up — what the
  // renderer writes — are a copy and a byte add.
  for (let y = 0; y < height; y++) {
    const f = raw[y * stride];
    const src = y * stride + 1;
    const o = y * width;
    const up = o - width;
    if (f === 0) values.set(raw.subarray(src, src + width), o);
    else if (f === 2) {
      if (y === 0) values.set(raw.subarray(src, src + width), o);
      else for (let x = 0; x < width; x++) values[o + x] = (raw[src + x] + values[up + x]) & 255;
    } else if (f === 1) {
      values[o] = raw[src];
      for (let x = 1; x < width; x++) values[o + x] = (raw[src + x] + values[o + x - 1]) & 255;
    } else if (f === 3) {
      for (let x = 0; x < width; x++) {
        const a = x > 0 ? values[o + x - 1] : 0;
        const c = y > 0 ? values[up + x] : 0;
        values[o + x] = (raw[src + x] + ((a + c) >> 1)) & 255;
      }
    } else if (f === 4) {
      for (let x = 0; x < width; x++) {
        const a = x > 0 ? values[o + x - 1] : 0;
        const c = y > 0 ? values[up + x] : 0;
        const d = x > 0 && y > 0 ? values[up + x - 1] : 0;
        const e = a + c - d;
        const pa = Math.abs(e - a);
        const pb = Math.abs(e - c);
        const pc = Math.abs(e - d);
        values[o + x] = (raw[src + x] + (pa <= pb && pa <= pc ? a : pb <= pc ? c : d)) & 255;
      }
    } else throw new RangeError(`PNG row filter ${f} is not defined`);
  }
  return { width, height, values };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((t, p) => t + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
