/**
 * Writes coefficient blocks as a sequential Huffman JPEG (SOF0, or SOF1 when a quantisation table
 * needs 16-bit entries): the frame's own tables and sampling, one scan of every component, Huffman
 * tables made for these blocks (ITU T.81 K.2). Decoding the result gives exactly the coefficients
 * written, so blocks copied from a file decode to the same pixels as they did there.
 */
import { BitWriter, encoderCodes, optimalTable } from './jpeg-huffman';
import { walkScan, type JpegCoefficients, type JpegSegment, type ScanHeader } from './jpeg-read';

const bitLength = (v: number) => (v === 0 ? 0 : 32 - Math.clz32(v < 0 ? -v : v));

/** The file: SOI, `meta` (APPn/COM as given), DQT, SOF, DHT, SOS, the data, EOI. */
export function writeJpeg(frame: JpegCoefficients, meta: JpegSegment[]): Uint8Array {
  const n = frame.components.length;
  // Luma on tables 0, both chroma components on tables 1.
  const tableOf = (k: number) => (k === 0 ? 0 : 1);
  const scan: ScanHeader = { comps: frame.components.map((c, k) => ({ c, td: tableOf(k), ta: tableOf(k) })), ss: 0, se: 63, ah: 0, al: 0 };
  const tables = n === 1 ? 1 : 2;
  const dcFreq = Array.from({ length: tables }, () => new Float64Array(256));
  const acFreq = Array.from({ length: tables }, () => new Float64Array(256));
  // First pass counts the symbols; the second writes them with the tables the counts give.
  let pred = new Int32Array(n);
  walkScan(
    frame,
    scan,
    (k, block) => {
      const t = tableOf(k);
      pred[k] = countBlock(frame.components[k].coefs, block * 64, pred[k], dcFreq[t], acFreq[t]);
    },
    () => {},
  );
  const dcTables = dcFreq.map(optimalTable);
  const acTables = acFreq.map(optimalTable);
  const dcCodes = dcTables.map((x) => encoderCodes(x.counts, x.symbols));
  const acCodes = acTables.map((x) => encoderCodes(x.counts, x.symbols));
  const bits = new BitWriter();
  pred = new Int32Array(n);
  walkScan(
    frame,
    scan,
    (k, block) => {
      const t = tableOf(k);
      pred[k] = writeBlock(frame.components[k].coefs, block * 64, pred[k], dcCodes[t], acCodes[t], bits);
    },
    () => {},
  );
  const data = bits.finish();

  const parts: Uint8Array[] = [Uint8Array.of(0xff, 0xd8)];
  const segment = (marker: number, body: ArrayLike<number>) => {
    const s = new Uint8Array(4 + body.length);
    s[0] = 0xff;
    s[1] = marker;
    s[2] = (body.length + 2) >> 8;
    s[3] = (body.length + 2) & 0xff;
    s.set(body, 4);
    parts.push(s);
  };
  for (const m of meta) segment(m.marker, m.data);
  let wide = false;
  for (const tq of new Set(frame.components.map((c) => c.tq))) {
    const q = frame.qt[tq]!;
    const pq = q.some((v) => v > 255) ? 1 : 0;
    wide ||= pq === 1;
    const body = [(pq << 4) | tq];
    for (const v of q) pq ? body.push(v >> 8, v & 0xff) : body.push(v);
    segment(0xdb, body);
  }
  const sof = [8, frame.height >> 8, frame.height & 0xff, frame.width >> 8, frame.width & 0xff, n];
  for (const c of frame.components) sof.push(c.id, (c.h << 4) | c.v, c.tq);
  segment(wide ? 0xc1 : 0xc0, sof);
  for (let t = 0; t < tables; t++) {
    for (const [cls, tab] of [
      [0, dcTables[t]],
      [1, acTables[t]],
    ] as const)
      segment(0xc4, [(cls << 4) | t, ...tab.counts, ...tab.symbols]);
  }
  const sos = [n];
  for (const [k, c] of frame.components.entries()) sos.push(c.id, (tableOf(k) << 4) | tableOf(k));
  sos.push(0, 63, 0);
  segment(0xda, sos);
  parts.push(data, Uint8Array.of(0xff, 0xd9));
  return Buffer.concat(parts);
}

/** Counts one block's symbols (DC difference category, AC run/size, ZRL, EOB); returns its DC. */
function countBlock(c: Int16Array, o: number, pred: number, dc: Float64Array, ac: Float64Array): number {
  dc[bitLength(c[o] - pred)]++;
  let run = 0;
  for (let z = 1; z < 64; z++) {
    const v = c[o + z];
    if (v === 0) {
      run++;
      continue;
    }
    for (; run > 15; run -= 16) ac[0xf0]++;
    ac[(run << 4) | bitLength(v)]++;
    run = 0;
  }
  if (run) ac[0]++;
  return c[o];
}

type Codes = { code: Uint16Array; size: Uint8Array };

/** Writes one block (ITU T.81 F.1.2); returns its DC. */
function writeBlock(c: Int16Array, o: number, pred: number, dc: Codes, ac: Codes, bits: BitWriter): number {
  const diff = c[o] - pred;
  const s = bitLength(diff);
  bits.write(dc.code[s], dc.size[s]);
  bits.write(diff < 0 ? diff - 1 : diff, s);
  let run = 0;
  for (let z = 1; z < 64; z++) {
    const v = c[o + z];
    if (v === 0) {
      run++;
      continue;
    }
    for (; run > 15; run -= 16) bits.write(ac.code[0xf0], ac.size[0xf0]);
    const sz = bitLength(v);
    const sym = (run << 4) | sz;
    bits.write(ac.code[sym], ac.size[sym]);
    bits.write(v < 0 ? v - 1 : v, sz);
    run = 0;
  }
  if (run) bits.write(ac.code[0], ac.size[0]);
  return c[o];
}
