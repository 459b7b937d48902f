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
