/**
 * Whether a "wrong" verdict may be the OCR misreading the line rather than the text being wrong, so
 * that a second reading (another page-segmentation mode) is worth asking for. Only differences that
 * involve no character of a near-miss family qualify: O/0 and the round shapes read for them, the
 * bare stems (1, l, I, i, |, 7, …) and r, n, m. Those are what a model gets wrong while the OCR reads
 * it as the request; the glyph rules judge them on the pixels, and a difference there is evidence,
 * not noise. A wrong digit in place of another digit ("7,98" for "7,99") is a near miss too.
 * Pure: shared by main's check and its tests.
 */
import { normalise, type TextVerdict } from './text-match';

/** Normalised (lower-case) characters of the near-miss families and what the OCR writes for them. */
const NEAR_MISS = new Set(Array.from("0oqdc()°ø1lijt7|![]/\\'mrn"));

export type EditOp = { op: 'match' | 'sub'; want: string; read: string } | { op: 'del'; want: string } | { op: 'ins'; read: string };

/** Edit script turning `want` into `read` (Levenshtein, substitutions preferred on ties). */
export function editScript(want: string, read: string): EditOp[] {
  const a = Array.from(want);
  const b = Array.from(read);
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1);
  const ops: EditOp[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      ops.push({ op: a[i - 1] === b[j - 1] ? 'match' : 'sub', want: a[i - 1], read: b[j - 1] });
      i--;
      j--;
    } else if (i > 0 && d[i][j] === d[i - 1][j] + 1) {
      ops.push({ op: 'del', want: a[i - 1] });
      i--;
    } else {
      ops.push({ op: 'ins', read: b[j - 1] });
      j--;
    }
  }
  return ops.reverse();
}

/**
 * True when `v` (a candidate read as wrong) differs from the request only by characters outside the
 * near-miss families: worth a second reading. Never after a glyph veto (the pixels said "near miss"),
 * nor when the old text is still there, nor when a digit stands where another digit was asked.
 */
export function misreadOnly(v: TextVerdict): boolean {
  if (v.status !== 'wrong' || v.note !== undefined || v.oldGone === false || !v.read) return false;
  const ops = editScript(normalise(v.expected), normalise(v.read));
  let differs = false;
  for (const o of ops) {
    if (o.op === 'match') continue;
    differs = true;
    if (o.op !== 'ins' && NEAR_MISS.has(o.want)) return false;
    if (o.op !== 'del' && NEAR_MISS.has(o.read)) return false;
    if (o.op === 'sub' && /\d/.test(o.want) && /\d/.test(o.read)) return false;
  }
  return differs;
}
