/**
 * JPEG Huffman coding (ITU T.81 Annex C, F.2.2, K.2): reading entropy-coded data bit by bit (with
 * 0xFF00 stuffing and restart markers), building decoders from DHT counts/symbols, building optimal
 * code lengths from symbol frequencies, and writing stuffed bits.
 */

const LOOKUP_BITS = 9;

export interface HuffmanDecoder {
  /** Codes of ≤ LOOKUP_BITS bits, indexed by the next LOOKUP_BITS bits: (length << 8) | symbol, 0 = longer code. */
  fast: Uint16Array;
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  symbols: Uint8Array;
}

/** A decoder for the DHT table (`counts[i]` codes of length i + 1), or null if the counts overflow. */
export function huffmanDecoder(counts: Uint8Array, symbols: Uint8Array): HuffmanDecoder | null {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  const fast = new Uint16Array(1 << LOOKUP_BITS);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1];
    valPtr[len] = k;
    minCode[len] = code;
    for (let i = 0; i < n; i++, code++, k++) {
      if (code >= 1 << len) return null;
      if (len <= LOOKUP_BITS) {
        const shift = LOOKUP_BITS - len;
        for (let f = code << shift; f < (code + 1) << shift; f++) fast[f] = (len << 8) | symbols[k];
      }
    }
    maxCode[len] = n ? code - 1 : -1;
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff; // sentinel
  return { fast, maxCode, valPtr, minCode, symbols };
}

/** Reads the entropy-coded segment that starts at `pos`. Throws on a code no table holds. */
export class BitReader {
  private acc = 0;
  private count = 0;
  private marker = false;
  constructor(
    private readonly b: Uint8Array,
    private pos: number,
  ) {}

  private fill(): void {
    while (this.count <= 24) {
      let byte = 0;
      if (!this.marker && this.pos < this.b.length) {
        byte = this.b[this.pos];
        if (byte === 0xff) {
          const next = this.b[this.pos + 1];
          if (next === 0x00) this.pos += 2;
          else {
            this.marker = true; // a marker: the data ends; zeros from here
            byte = 0;
          }
        } else this.pos++;
      }
      this.acc = ((this.acc << 8) | byte) >>> 0;
      this.count += 8;
    }
  }

  bit(): number {
    if (this.count < 1) this.fill();
    this.count--;
    return (this.acc >>> this.count) & 1;
  }

  receive(n: number): number {
    if (this.count < n) this.fill();
    this.count -= n;
    return (this.acc >>> this.count) & ((1 << n) - 1);
  }

  receiveExtend(n: number): number {
    const v = this.receive(n);
    return v < 1 << (n - 1) ? v - (1 << n) + 1 : v;
  }

  decode(t: HuffmanDecoder): number {
    if (this.count < 16) this.fill();
    const f = t.fast[(this.acc >>> (this.count - LOOKUP_BITS)) & ((1 << LOOKUP_BITS) - 1)];
    if (f) {
      this.count -= f >> 8;
      return f & 0xff;
    }
    let code = 0;
    for (let len = 1; len <= 16; len++) {
      code = (code << 1) | this.bit();
      if (code <= t.maxCode[len]) return t.symbols[t.valPtr[len] + code - t.minCode[len]];
    }
    throw new Error('bad Huffman code');
  }

  /** At a restart boundary: drop the partial byte and step over an RSTn marker. */
  restart(): void {
    this.count = 0;
    this.acc = 0;
    this.marker = false;
    if (this.b[this.pos] === 0xff && this.b[this.pos + 1] >= 0xd0 && this.b[this.pos + 1] <= 0xd7) this.pos += 2;
  }

  /** Offset of the marker that ends this scan's data (RSTn and stuffed bytes are part of the data). */
  end(): number {
    let p = this.pos;
    while (p + 1 < this.b.length) {
      if (this.b[p] === 0xff) {
        const m = this.b[p + 1];
        if (m !== 0x00 && m !== 0xff && !(m >= 0xd0 && m <= 0xd7)) return p;
        p += m === 0xff ? 1 : 2;
      } else p++;
    }
    return this.b.length;
  }
}

/**
 * Code lengths for `freq` (256 symbols) by ITU T.81 Annex K.2 (as libjpeg's jpeg_gen_optimal_table):
 * no code longer than 16 bits and no code of all ones. Returns the DHT's 16 counts and its symbols.
 */
export function optimalTable(freqIn: ArrayLike<number>): { counts: Uint8Array; symbols: Uint8Array } {
  const freq = new Float64Array(257);
  for (let i = 0; i < 256; i++) freq[i] = freqIn[i];
  freq[256] = 1; // reserves the all-ones code
  const codesize = new Int32Array(257);
  const others = new Int32Array(257).fill(-1);
  for (;;) {
    let c1 = -1;
    let v = Infinity;
    for (let i = 0; i <= 256; i++)
      if (freq[i] && freq[i] <= v) {
        v = freq[i];
        c1 = i;
      }
    let c2 = -1;
    v = Infinity;
    for (let i = 0; i <= 256; i++)
      if (freq[i] && freq[i] <= v && i !== c1) {
        v = freq[i];
        c2 = i;
      }
    if (c2 < 0) break;
    freq[c1] += freq[c2];
    freq[c2] = 0;
    codesize[c1]++;
    while (others[c1] >= 0) {
      c1 = others[c1];
      codesize[c1]++;
    }
    others[c1] = c2;
    codesize[c2]++;
    while (others[c2] >= 0) {
      c2 = others[c2];
      codesize[c2]++;
    }
  }
  const bits = new Int32Array(33);
  for (let i = 0; i <= 256; i++) if (codesize[i]) bits[codesize[i]]++;
  for (let i = 32; i > 16; i--) {
    while (bits[i] > 0) {
      let j = i - 2;
      while (bits[j] === 0) j--;
      bits[i] -= 2;
      bits[i - 1]++;
      bits[j + 1] += 2;
      bits[j]--;
    }
  }
  let i = 16;
  while (bits[i] === 0) i--;
  bits[i]--; // the reserved code
  const counts = new Uint8Array(16);
  for (let k = 1; k <= 16; k++) counts[k - 1] = bits[k];
  const symbols: number[] = [];
  for (let len = 1; len <= 32; len++) for (let s = 0; s < 256; s++) if (codesize[s] === len) symbols.push(s);
  return { counts, symbols: Uint8Array.from(symbols) };
}

/** Canonical codes for a DHT table: code and length per symbol. */
export function encoderCodes(counts: Uint8Array, symbols: Uint8Array): { code: Uint16Array; size: Uint8Array } {
  const code = new Uint16Array(256);
  const size = new Uint8Array(256);
  let c = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < counts[len - 1]; i++, k++, c++) {
      code[symbols[k]] = c;
      size[symbols[k]] = len;
    }
    c <<= 1;
  }
  return { code, size };
}

/** Writes bits MSB first with 0xFF00 stuffing; `finish` pads the last byte with ones. */
export class BitWriter {
  private out: Uint8Array = new Uint8Array(1 << 16);
  private n = 0;
  private acc = 0;
  private count = 0;

  private byte(b: number): void {
    if (this.n + 2 > this.out.length) {
      const bigger = new Uint8Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    this.out[this.n++] = b;
    if (b === 0xff) this.out[this.n++] = 0;
  }

  write(value: number, bits: number): void {
    if (!bits) return;
    this.acc = (this.acc << bits) | (value & ((1 << bits) - 1));
    this.count += bits;
    while (this.count >= 8) {
      this.count -= 8;
      this.byte((this.acc >>> this.count) & 0xff);
    }
    this.acc &= (1 << this.count) - 1;
  }

  finish(): Uint8Array {
    if (this.count) this.write((1 << (8 - this.count)) - 1, 8 - this.count);
    return this.out.subarray(0, this.n);
  }
}
