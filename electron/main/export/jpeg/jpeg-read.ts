/**
 * Reads a JPEG file down to its quantised DCT coefficients — no inverse DCT, no colour conversion —
 * so an export can copy every block the edit did not touch exactly as it was (jpeg-patch.ts).
 * Huffman-coded baseline and extended sequential (SOF0/SOF1) and progressive (SOF2) files, 8-bit,
 * any sampling, with or without restart markers. Anything else (arithmetic coding, lossless,
 * 12-bit, hierarchical) is refused with `null`: the caller then re-encodes the whole picture.
 */
import { decodeProgressiveScan } from './jpeg-progressive';
import { BitReader, huffmanDecoder, type HuffmanDecoder } from './jpeg-huffman';

export interface JpegComponent {
  id: number;
  h: number;
  v: number;
  /** Quantisation table index. */
  tq: number;
  /** Block grid (padded to whole MCUs of the interleaved layout). */
  blocksW: number;
  blocksH: number;
  /** The blocks the component itself covers (non-interleaved scans walk only these). */
  usedW: number;
  usedH: number;
  /** 64 quantised coefficients per block, in zigzag order, row by row over the padded grid. */
  coefs: Int16Array;
}

export interface JpegSegment {
  marker: number;
  /** The segment's payload (after its length field). */
  data: Uint8Array;
}

export interface JpegCoefficients {
  width: number;
  height: number;
  hMax: number;
  vMax: number;
  mcusX: number;
  mcusY: number;
  components: JpegComponent[];
  /** Quantisation tables by index, zigzag order (undefined where the file defines none). */
  qt: (Uint16Array | undefined)[];
  /** APPn and COM segments in file order (metadata to carry over). */
  meta: JpegSegment[];
  progressive: boolean;
}

const SOF0 = 0xc0;
const SOF1 = 0xc1;
const SOF2 = 0xc2;

/** The file's coefficients, or null when its coding is not one this reader takes (see the header). */
export function readJpegCoefficients(bytes: Uint8Array): JpegCoefficients | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const qt: (Uint16Array | undefined)[] = [];
  const dc: (HuffmanDecoder | undefined)[] = [];
  const ac: (HuffmanDecoder | undefined)[] = [];
  const meta: JpegSegment[] = [];
  let frame: JpegCoefficients | null = null;
  let restart = 0;
  let p = 2;
  while (p + 4 <= bytes.length) {
    if (bytes[p] !== 0xff) return null;
    const marker = bytes[p + 1];
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xd9) break; // EOI
    const len = (bytes[p + 2] << 8) | bytes[p + 3];
    const data = bytes.subarray(p + 4, p + 2 + len);
    if (data.length !== len - 2) return null;
    p += 2 + len;
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) meta.push({ marker, data });
    else if (marker === 0xdb) {
      if (!readQuant(data, qt)) return null;
    } else if (marker === 0xc4) {
      if (!readHuffman(data, dc, ac)) return null;
    } else if (marker === 0xdd) restart = (data[0] << 8) | data[1];
    else if (marker === SOF0 || marker === SOF1 || marker === SOF2) {
      if (frame) return null;
      frame = readFrame(data, marker === SOF2);
      if (!frame) return null;
      frame.qt = qt;
      frame.meta = meta;
    } else if (marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return null;
    else if (marker === 0xda) {
      if (!frame) return null;
      const scan = readScanHeader(data, frame);
      if (!scan) return null;
      const end = frame.progressive
        ? decodeProgressiveScan(bytes, p, frame, scan, dc, ac, restart)
        : decodeSequentialScan(bytes, p, frame, scan, dc, ac, restart);
      if (end < 0) return null;
      p = end;
    }
  }
  return frame?.components.every((c) => qt[c.tq]) ? frame : null;
}

function readQuant(d: Uint8Array, qt: (Uint16Array | undefined)[]): boolean {
  let i = 0;
  while (i < d.length) {
    const pq = d[i] >> 4;
    const tq = d[i] & 15;
    if (tq > 3 || pq > 1) return false;
    const t = new Uint16Array(64);
    for (let k = 0; k < 64; k++) t[k] = pq ? (d[i + 1 + 2 * k] << 8) | d[i + 2 + 2 * k] : d[i + 1 + k];
    qt[tq] = t;
    i += 1 + (pq ? 128 : 64);
  }
  return i === d.length;
}

function readHuffman(d: Uint8Array, dc: (HuffmanDecoder | undefined)[], ac: (HuffmanDecoder | undefined)[]): boolean {
  let i = 0;
  while (i < d.length) {
    const tc = d[i] >> 4;
    const th = d[i] & 15;
    if (tc > 1 || th > 3) return false;
    const counts = d.subarray(i + 1, i + 17);
    let n = 0;
    for (const c of counts) n += c;
    const symbols = d.subarray(i + 17, i + 17 + n);
    if (symbols.length !== n) return false;
    const dec = huffmanDecoder(counts, symbols);
    if (!dec) return false;
    (tc === 0 ? dc : ac)[th] = dec;
    i += 17 + n;
  }
  return i === d.length;
}

function readFrame(d: Uint8Array, progressive: boolean): JpegCoefficients | null {
  if (d[0] !== 8) return null; // 8-bit samples only
  const height = (d[1] << 8) | d[2];
  const width = (d[3] << 8) | d[4];
  const n = d[5];
  if (!width || !height || (n !== 1 && n !== 3) || d.length !== 6 + 3 * n) return null;
  const raw = Array.from({ length: n }, (_, k) => ({ id: d[6 + 3 * k], h: d[7 + 3 * k] >> 4, v: d[7 + 3 * k] & 15, tq: d[8 + 3 * k] }));
  if (raw.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3)) return null;
  const hMax = Math.max(...raw.map((c) => c.h));
  const vMax = Math.max(...raw.map((c) => c.v));
  const mcusX = Math.ceil(width / (8 * hMax));
  const mcusY = Math.ceil(height / (8 * vMax));
  const components = raw.map((c) => {
    const blocksW = mcusX * c.h;
    const blocksH = mcusY * c.v;
    return {
      ...c,
      blocksW,
      blocksH,
      usedW: Math.ceil(Math.ceil((width * c.h) / hMax) / 8),
      usedH: Math.ceil(Math.ceil((height * c.v) / vMax) / 8),
      coefs: new Int16Array(blocksW * blocksH * 64),
    };
  });
  return { width, height, hMax, vMax, mcusX, mcusY, components, qt: [], meta: [], progressive };
}

export interface ScanHeader {
  comps: { c: JpegComponent; td: number; ta: number }[];
  ss: number;
  se: number;
  ah: number;
  al: number;
}

function readScanHeader(d: Uint8Array, frame: JpegCoefficients): ScanHeader | null {
  const n = d[0];
  if (n < 1 || n > 4 || d.length !== 4 + 2 * n) return null;
  const comps: ScanHeader['comps'] = [];
  for (let k = 0; k < n; k++) {
    const c = frame.components.find((x) => x.id === d[1 + 2 * k]);
    if (!c) return null;
    comps.push({ c, td: d[2 + 2 * k] >> 4, ta: d[2 + 2 * k] & 15 });
  }
  const o = 1 + 2 * n;
  return { comps, ss: d[o], se: d[o + 1], ah: d[o + 2] >> 4, al: d[o + 2] & 15 };
}

/**
 * The blocks of a scan in coding order: `visit(component, blockIndex)` per block; MCU boundaries are
 * reported through `mcuDone` (restart intervals count MCUs). A scan of one component walks that
 * component's own blocks in raster order; a scan of several walks whole MCUs.
 */
export function walkScan(frame: JpegCoefficients, scan: ScanHeader, visit: (k: number, block: number) => void, mcuDone: () => void): void {
  if (scan.comps.length === 1) {
    const c = scan.comps[0].c;
    for (let by = 0; by < c.usedH; by++)
      for (let bx = 0; bx < c.usedW; bx++) {
        visit(0, by * c.blocksW + bx);
        mcuDone();
      }
    return;
  }
  for (let my = 0; my < frame.mcusY; my++)
    for (let mx = 0; mx < frame.mcusX; mx++) {
      scan.comps.forEach(({ c }, k) => {
        for (let y = 0; y < c.v; y++) for (let x = 0; x < c.h; x++) visit(k, (my * c.v + y) * c.blocksW + mx * c.h + x);
      });
      mcuDone();
    }
}

/** Baseline/extended sequential scan into the frame's coefficients; returns the offset after its data, or −1. */
function decodeSequentialScan(
  bytes: Uint8Array,
  start: number,
  frame: JpegCoefficients,
  scan: ScanHeader,
  dc: (HuffmanDecoder | undefined)[],
  ac: (HuffmanDecoder | undefined)[],
  restart: number,
): number {
  const tables = scan.comps.map(({ td, ta }) => ({ dc: dc[td], ac: ac[ta] }));
  if (tables.some((t) => !t.dc || !t.ac)) return -1;
  const bits = new BitReader(bytes, start);
  const pred = new Int32Array(scan.comps.length);
  return runScan(
    frame,
    scan,
    bits,
    restart,
    (k, block) => {
      const t = tables[k];
      pred[k] = readBlock(bits, t.dc!, t.ac!, scan.comps[k].c.coefs, block * 64, pred[k]);
    },
    () => pred.fill(0),
  );
}

/**
 * Decodes a scan's blocks in coding order (`visit`), stepping over a restart marker every `restart`
 * MCUs (`onRestart` resets the predictions); returns the offset after the scan's data, or −1 when
 * the data is malformed.
 */
export function runScan(
  frame: JpegCoefficients,
  scan: ScanHeader,
  bits: BitReader,
  restart: number,
  visit: (k: number, block: number) => void,
  onRestart: () => void,
): number {
  let mcus = 0;
  try {
    walkScan(frame, scan, visit, () => {
      mcus++;
      if (restart && mcus % restart === 0) {
        bits.restart();
        onRestart();
      }
    });
  } catch {
    return -1;
  }
  return bits.end();
}

/** One sequential block (ITU T.81 F.2.2) into `out` at `o`, zigzag order; returns its DC. */
function readBlock(bits: BitReader, dc: HuffmanDecoder, ac: HuffmanDecoder, out: Int16Array, o: number, pred: number): number {
  const s = bits.decode(dc);
  const value = pred + (s ? bits.receiveExtend(s) : 0);
  out[o] = value;
  for (let z = 1; z < 64; ) {
    const rs = bits.decode(ac);
    const r = rs >> 4;
    const sz = rs & 15;
    if (!sz) {
      if (r !== 15) break;
      z += 16;
      continue;
    }
    z += r;
    if (z > 63) throw new Error('coefficient index out of range');
    out[o + z] = bits.receiveExtend(sz);
    z++;
  }
  return value;
}
