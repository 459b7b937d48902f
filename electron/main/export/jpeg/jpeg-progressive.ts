/**
 * One scan of a progressive JPEG (ITU T.81 G.1.2: spectral selection and successive approximation)
 * into the frame's coefficient blocks (zigzag order), as libjpeg decodes it.
 */
import { BitReader, type HuffmanDecoder } from './jpeg-huffman';
import { runScan, type JpegCoefficients, type ScanHeader } from './jpeg-read';

/** Returns the offset after the scan's data, or −1 on a malformed scan. */
export function decodeProgressiveScan(
  bytes: Uint8Array,
  start: number,
  frame: JpegCoefficients,
  scan: ScanHeader,
  dc: (HuffmanDecoder | undefined)[],
  ac: (HuffmanDecoder | undefined)[],
  restart: number,
): number {
  const { ss, se, ah, al } = scan;
  const isDc = ss === 0;
  if ((isDc && se !== 0) || (!isDc && (se < ss || se > 63 || scan.comps.length !== 1)) || al > 13) return -1;
  if (isDc && !ah && scan.comps.some(({ td }) => !dc[td])) return -1;
  if (!isDc && scan.comps.some(({ ta }) => !ac[ta])) return -1;
  const bits = new BitReader(bytes, start);
  const pred = new Int32Array(scan.comps.length);
  let eobrun = 0;
  const p1 = 1 << al;
  const m1 = -1 << al;

  const dcFirst = (k: number, c: Int16Array, o: number) => {
    const s = bits.decode(dc[scan.comps[k].td]!);
    pred[k] += s ? bits.receiveExtend(s) : 0;
    c[o] = pred[k] * p1;
  };
  const dcRefine = (_k: number, c: Int16Array, o: number) => {
    if (bits.bit()) c[o] |= p1;
  };
  const acFirst = (_k: number, c: Int16Array, o: number) => {
    if (eobrun > 0) {
      eobrun--;
      return;
    }
    const t = ac[scan.comps[0].ta]!;
    for (let z = ss; z <= se; z++) {
      const rs = bits.decode(t);
      const r = rs >> 4;
      const s = rs & 15;
      if (s) {
        z += r;
        if (z > 63) throw new Error('coefficient index out of range');
        c[o + z] = bits.receiveExtend(s) * p1;
      } else if (r === 15) z += 15;
      else {
        eobrun = (1 << r) - 1 + (r ? bits.receive(r) : 0);
        break;
      }
    }
  };
  const refineBit = (c: Int16Array, i: number) => {
    if (bits.bit() && (c[i] & p1) === 0) c[i] += c[i] >= 0 ? p1 : m1;
  };
  const acRefine = (_k: number, c: Int16Array, o: number) => {
    const t = ac[scan.comps[0].ta]!;
    let z = ss;
    if (eobrun === 0) {
      for (; z <= se; z++) {
        const rs = bits.decode(t);
        let r = rs >> 4;
        let s = rs & 15;
        if (s) s = bits.bit() ? p1 : m1;
        else if (r !== 15) {
          eobrun = (1 << r) + (r ? bits.receive(r) : 0);
          break;
        }
        do {
          if (c[o + z] !== 0) refineBit(c, o + z);
          else if (--r < 0) break;
          z++;
        } while (z <= se);
        if (s) {
          if (z > 63) throw new Error('coefficient index out of range');
          c[o + z] = s;
        }
      }
    }
    if (eobrun > 0) {
      for (; z <= se; z++) if (c[o + z] !== 0) refineBit(c, o + z);
      eobrun--;
    }
  };
  const step = isDc ? (ah ? dcRefine : dcFirst) : ah ? acRefine : acFirst;
  return runScan(
    frame,
    scan,
    bits,
    restart,
    (k, block) => step(k, scan.comps[k].c.coefs, block * 64),
    () => {
      pred.fill(0);
      eobrun = 0;
    },
  );
}
