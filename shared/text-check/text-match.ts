/**
 * Compares what the OCR read in a candidate's edited region with the requested text. Both sides are
 * normalised (case, whitespace, quote styles); the requested text is searched inside the reading
 * (the region also shows text around the edit) by approximate substring matching, so the distance
 * is the number of wrong, missing or extra characters in the best-matching part of the reading.
 */
import { checkGlyph, isConfusable, wordShapes, type Box, type GreyImage, type Shape } from './glyph-check';
import type { GlyphReference } from './reference-glyphs';
import type { RequestedText } from './requested-text';
import { uncheckableScript } from './scripts';

export interface OcrGlyph {
  text: string;
  box: Box;
  /** Index of the word the glyph belongs to. */
  word: number;
  /** Index of the text line the glyph belongs to. */
  line: number;
}

export interface OcrReading {
  /** The whole reading, as the OCR wrote it. */
  text: string;
  glyphs: OcrGlyph[];
}

export type TextStatus = 'right' | 'wrong' | 'unsure' | 'not-checked';

/** The result per candidate (also sent over IPC and printed by the CLI). */
export interface TextVerdict {
  status: TextStatus;
  expected: string;
  /** The part of the reading that best matches the requested text ('' when nothing was read). */
  read: string;
  /** Whole reading of the region. */
  reading: string;
  /** Wrong, missing or extra characters (0 when right). */
  distance: number;
  /** 1 − distance / length of the requested text, clamped to 0..1. */
  similarity: number;
  /** false when the old text is still readable in the region; absent when it could not be told. */
  oldGone?: boolean;
  /** Why: "old text still there", "O/0 unclear", "Chinese". */
  note?: string;
}

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '`': "'",
  '\u00b4': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '-',
};

/** One character as compared: lower case, one quote style, whitespace dropped (''), NFKC. */
export function normChar(ch: string): string {
  if (/\s/.test(ch)) return '';
  const q = QUOTES[ch];
  if (q) return q;
  return ch.normalize('NFKC').toLowerCase();
}

export function normalise(text: string): string {
  return Array.from(text, normChar).join('');
}

/**
 * Best approximate occurrence of `needle` in `hay` (Sellers): the smallest edit distance between
 * `needle` and any substring of `hay`, with that substring's [start, end).
 */
export function bestSubstring(needle: string, hay: string): { distance: number; start: number; end: number } {
  const n = needle.length;
  const m = hay.length;
  if (!n) return { distance: 0, start: 0, end: 0 };
  // d[i][j]: distance of needle[0..i) to the best substring of hay ending at j; s: where it starts.
  let prev = new Array<number>(m + 1).fill(0);
  let prevS = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    const curS = new Array<number>(m + 1);
    cur[0] = i;
    curS[0] = 0;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (needle[i - 1] === hay[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curS[j] = prevS[j - 1];
      } else if (del <= ins) {
        cur[j] = del;
        curS[j] = prevS[j];
      } else {
        cur[j] = ins;
        curS[j] = curS[j - 1];
      }
    }
    prev = cur;
    prevS = curS;
  }
  let best = 0;
  for (let j = 1; j <= m; j++) if (prev[j] < prev[best] || (prev[j] === prev[best] && j - prevS[j] > best - prevS[best])) best = j;
  return { distance: prev[best], start: prevS[best], end: best };
}

export interface MatchInput {
  requested: RequestedText;
  reading: OcrReading;
  /** Greyscale of the region the OCR read (glyph boxes are in its pixels); without it no glyph check. */
  grey?: GreyImage;
  /** Reading of the same region before the edit: the old text when the prompt does not name it. */
  before?: string;
  /** The old text's glyphs, read in the same area before the edit (reference-glyphs.ts). */
  reference?: GlyphReference;
}

export function matchText({ requested, reading, grey, before, reference }: MatchInput): TextVerdict {
  const expected = requested.text;
  const script = uncheckableScript(expected);
  const base = { expected, reading: reading.text.trim() };
  if (script) return { ...base, status: 'not-checked', read: '', distance: 0, similarity: 0, note: script };
  // Normalised reading with, per character, the glyph it came from (-1: from the plain text) and
  // the character as the OCR wrote it (case kept).
  const chars: { ch: string; glyph: number; raw: string }[] = [];
  if (reading.glyphs.length) {
    reading.glyphs.forEach((g, gi) => {
      for (const c of normalise(g.text)) chars.push({ ch: c, glyph: gi, raw: g.text });
    });
  } else for (const raw of reading.text) for (const c of normChar(raw)) chars.push({ ch: c, glyph: -1, raw });
  const hay = chars.map((c) => c.ch).join('');
  const want = normalise(expected);
  const found = bestSubstring(want, hay);
  let distance = found.distance;
  const span = chars.slice(found.start, found.end);
  let read = shown(reading, span);
  // The requested characters as typed (case kept), aligned with the normalised span when it is as long.
  const typed = Array.from(expected).filter((ch) => normChar(ch) !== '');
  // Positions where the OCR wrote a bare stem for another bare stem (a capital I read as l or "["):
  // the reading differs, but the pixels may not — never right, and not called wrong either.
  const stems = distance > 0 ? stemSwaps(want, typed, span) : null;
  let status: TextStatus = distance === 0 || stems ? 'right' : 'wrong';
  let note: string | undefined;
  if (status === 'right' && grey) {
    let shownChars = read;
    // Glyph shapes by order within each word that holds a checked character (computed once per
    // word and binarisation: plain for the glyphs' shapes, polarity-balanced for letter gaps).
    const byOrder = (balanced: boolean) => {
      const shapes = new Map<Box, Shape>();
      const segmented = new Set<number>();
      return (line: number) => {
        for (const g of reading.glyphs)
          if (g.line === line && !segmented.has(g.word)) {
            segmented.add(g.word);
            const found = wordShapes(
              grey,
              reading.glyphs.filter((o) => o.word === g.word),
              balanced,
            );
            if (found) for (const [b, sh] of found) shapes.set(b, sh);
          }
        return shapes;
      };
    };
    const shapesOfLine = byOrder(false);
    const gapShapesOfLine = byOrder(true);
    for (const [k, c] of span.entries()) {
      if (c.glyph < 0 || !isConfusable(c.ch) || stems?.has(k)) continue;
      const g = reading.glyphs[c.glyph];
      const v = checkGlyph(grey, c.ch, g.box, {
        typed: typed.length === span.length ? typed[k] : c.ch,
        word: reading.glyphs.filter((o) => o.word === g.word),
        line: reading.glyphs.filter((o) => o.line === g.line),
        shapes: shapesOfLine(g.line),
        gapShapes: c.ch === 'm' || c.ch === '1' || c.ch === 'l' || c.ch === 'i' ? gapShapesOfLine(g.line) : undefined,
        reference,
      });
      if (v.result === 'veto') {
        distance++;
        status = 'wrong';
        note = `looks like "${v.looksLike}"`;
        shownChars = replaceAt(shownChars, k, v.looksLike);
      } else if (v.result === 'unsure' && status === 'right') {
        status = 'unsure';
        note = `${v.between} unclear`;
      }
    }
    read = shownChars;
  }
  if (stems && status !== 'wrong') {
    status = 'unsure';
    note = [...stems].some((k) => typed[k] === '/') ? '/ unclear' : 'I/l unclear';
  }
  const oldText = requested.old ?? (before?.trim() || undefined);
  let oldGone: boolean | undefined;
  const oldNorm = oldText ? normalise(oldText) : '';
  if (oldNorm && !want.includes(oldNorm) && !oldNorm.includes(want)) {
    oldGone = bestSubstring(oldNorm, hay).distance > 0;
    if (!oldGone && status !== 'wrong') {
      status = 'wrong';
      note = 'old text still there';
    }
  }
  const similarity = Math.max(0, Math.min(1, 1 - distance / Math.max(1, want.length)));
  const out: TextVerdict = { ...base, status, read, distance, similarity };
  if (oldGone !== undefined) out.oldGone = oldGone;
  if (note) out.note = note;
  return out;
}

/**
 * What the OCR may write for a bare stem typed as I or l (a capital I and an l are both one in most
 * sans fonts), and for a slash: Tesseract read a rendered "24/7" as "2477" and "2417" (a slanted
 * stroke, often tall in signage lettering). Such a reading is unsure, never right, and never wrong.
 */
const STEM_READINGS: Record<string, readonly string[]> = { I: ['l', '|', '[', ']'], l: ['I', '|'], '/': ['7', '1', 'l', 'I', '|'] };

/**
 * The positions of `span` where the reading has another bare stem for a typed I or l, when those are
 * its only differences from the request (substitutions only); null otherwise.
 */
function stemSwaps(want: string, typed: readonly string[], span: readonly { ch: string; raw: string }[]): Set<number> | null {
  if (span.length !== want.length || typed.length !== want.length) return null;
  const at = new Set<number>();
  for (let k = 0; k < span.length; k++) {
    if (span[k].ch === want[k]) continue;
    if (!STEM_READINGS[typed[k]]?.includes(span[k].raw)) return null;
    at.add(k);
  }
  return at.size ? at : null;
}

/** The matched part of the reading as the OCR wrote it (case and quotes kept). */
function shown(reading: OcrReading, span: { ch: string; glyph: number }[]): string {
  if (!span.length) return '';
  if (span[0].glyph < 0) return span.map((c) => c.ch).join('');
  let out = '';
  let last = -1;
  let lastWord = -1;
  for (const c of span) {
    if (c.glyph === last) continue;
    const g = reading.glyphs[c.glyph];
    if (lastWord >= 0 && g.word !== lastWord) out += ' ';
    out += g.text;
    last = c.glyph;
    lastWord = g.word;
  }
  return out;
}

function replaceAt(s: string, k: number, by: string): string {
  const a = Array.from(s.replace(/ /g, ''));
  if (k >= a.length) return s;
  // Keep the spaces: rebuild by walking the original string.
  let seen = -1;
  let out = '';
  for (const ch of s) {
    if (ch !== ' ') seen++;
    out += ch !== ' ' && seen === k ? by : ch;
  }
  return out;
}

/**
 * Nothing like the requested text was read: more than half of its characters differ from the closest
 * reading. The OCR reads stray shapes (a cup's rim, a label's edge) as letters, and "alle hh 4 ✗ 5
 * characters" tells a retoucher less than "not found ✗".
 */
function notFound(v: TextVerdict): boolean {
  return v.status === 'wrong' && v.similarity < 0.5;
}

/** The badge text: "V2.0 ✓", "V2.O ✗ 1 character", "not checked: Chinese". */
export function badgeText(v: TextVerdict): string {
  if (v.status === 'not-checked') return `not checked: ${v.note ?? 'script'}`;
  if (v.status === 'right') return `${v.read || v.expected} ✓`;
  if (v.status === 'unsure') return `${v.read} ? ${v.note ?? 'unclear'}`;
  if (!v.read) return 'no text read ✗';
  if (v.distance === 0) return `${v.read} ✗ ${v.note ?? ''}`.trim();
  // Short: the badge sits under a thumbnail (the requested text is in the tooltip and accessible name).
  if (notFound(v)) return 'not found ✗';
  return `${v.read} ✗ ${v.distance} character${v.distance === 1 ? '' : 's'}`;
}

/**
 * The verdict in words, for the badge's tooltip and accessible name (the badge itself stays terse):
 * "Spelled right: V2.0", "1 character wrong: read V2.O, asked for V2.0", "Unsure: O and 0 look alike
 * in this font (read V2.0)", "Not checked: Chinese text cannot be read by the installed OCR".
 */
export function verdictWords(v: TextVerdict): string {
  const old = v.oldGone === false ? '; the old text is still there' : '';
  if (v.status === 'not-checked') return `Not checked: ${v.note ?? 'this script'} text cannot be read by the installed OCR (Latin only)`;
  if (v.status === 'right') return `Spelled right: ${v.read || v.expected}`;
  if (v.status === 'unsure') return `Unsure: ${unclearWords(v.note)} (read ${v.read}, asked for ${v.expected})`;
  if (!v.read) return `Wrong: no text read, asked for ${v.expected}`;
  if (v.distance === 0) return `Wrong: ${v.read} is spelled right, but the old text is still there`;
  if (notFound(v)) return `Wrong: ${v.expected} not found (the closest reading, “${v.read}”, differs in ${v.distance} characters)${old}`;
  const n = `${v.distance} character${v.distance === 1 ? '' : 's'} wrong`;
  const looks = v.note?.startsWith('looks like') ? `; a glyph ${v.note}` : '';
  return `${n}: read ${v.read}, asked for ${v.expected}${looks}${old}`;
}

/** "O/0 unclear" → "O and 0 look alike in this font"; "rn/m unclear" → "rn and m look alike at this size". */
function unclearWords(note: string | undefined): string {
  const between = note?.replace(/ unclear$/, '') ?? '';
  if (between === '/') return 'the slash reads like a 7, a 1 or a stroke';
  const pair = between.split('/');
  if (pair.length !== 2) return 'the letter shapes could not be told apart';
  return `${pair[0]} and ${pair[1]} look alike ${between === 'rn/m' ? 'at this size' : 'in this font'}`;
}

/** Sort key for staging: right first, then unsure, wrong by similarity, then not checked. */
export function rankOf(v: TextVerdict | undefined): number {
  if (!v || v.status === 'not-checked') return 3;
  if (v.status === 'right') return 0;
  if (v.status === 'unsure') return 1;
  return 2 - v.similarity * 0.5;
}
