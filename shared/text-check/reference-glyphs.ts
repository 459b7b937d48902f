/**
 * O or 0, 1 or l told by the font's own glyphs: the old text under the mask. Changing "V1.0" to
 * "V2.0" on a box leaves, in the area read before the edit, this very font's zero and one at this
 * very size; a model that keeps the lettering draws the new ones the same. Width and flag rules
 * hold only for the fonts they were measured on (each new set of font families found a font whose
 * O is as narrow as its digits, or whose 1 is an l with a foot: docs/text-check.md), while the old
 * text's own 0 and O, 1 and l need no such rule.
 *
 * The reference is used only when the candidate is evidently in the same lettering: read at the same
 * scale, with every other character the old and new lines share (V, S, A, %, $ …, not the confusable
 * ones) the same size to a pixel with much the same ink.
 * Then a glyph with the very ink of an old glyph of the asked kind is confirmed, one with the ink of
 * the other kind is vetoed, and any other is never right (the width or flag rules may still veto it).
 * A glyph without a reference (no glyph of the asked kind in the old text, other lettering or size)
 * is left to those rules.
 */
import type { Box, GlyphRef, GlyphVerdict, GreyImage } from './glyph-check';
import type { RefPair } from './glyph-spacing';
import type { Shape } from './word-segments';

/** A glyph of the old text as read (small text is read at twice its size). */
export interface RefGlyph {
  text: string;
  /** The binarised glyph in its tight box, in the pixels of the image it was read from. */
  ink: Uint8Array;
  iw: number;
  ih: number;
  /** Pixels of that image per source pixel (2 for small text read upscaled). */
  scale: number;
}

export interface GlyphReference {
  glyphs: RefGlyph[];
  /** Neighbouring glyphs of the old text and their spacing (glyph-spacing.ts). */
  pairs?: RefPair[];
}

/**
 * How unlike two binarised glyphs are: the share of either glyph's ink that lies more than a pixel
 * from any ink of the other (the larger of the two shares), at the best of the nine placements within
 * a pixel of centre on centre. The same letter drawn at another sub-pixel position binarises a pixel
 * wider or narrower along its edges, which this forgives; a dot, a slash, a corner drawn square
 * instead of round or a stroke two pixels off it does not. 0: every ink pixel has ink of the other
 * within a pixel.
 */
export function inkDistance(a: Pick<RefGlyph, 'ink' | 'iw' | 'ih'>, b: Pick<RefGlyph, 'ink' | 'iw' | 'ih'>): number {
  const ox = Math.round((b.iw - a.iw) / 2);
  const oy = Math.round((b.ih - a.ih) / 2);
  let best = 1;
  for (let sy = -1; sy <= 1; sy++)
    for (let sx = -1; sx <= 1; sx++) {
      // a's pixel (x, y) lies on b's (x + dx, y + dy).
      const dx = ox + sx;
      const dy = oy + sy;
      best = Math.min(best, Math.max(strayShare(a, b, dx, dy), strayShare(b, a, -dx, -dy)));
    }
  return best;
}

/** Share of `a`'s ink with no ink of `b` within a pixel, `a` placed at (dx, dy) in `b`. */
function strayShare(a: Pick<RefGlyph, 'ink' | 'iw' | 'ih'>, b: Pick<RefGlyph, 'ink' | 'iw' | 'ih'>, dx: number, dy: number): number {
  let n = 0;
  let stray = 0;
  for (let y = 0; y < a.ih; y++)
    for (let x = 0; x < a.iw; x++) {
      if (!a.ink[y * a.iw + x]) continue;
      n++;
      let near = false;
      for (let v = -1; v <= 1 && !near; v++) {
        const by = y + dy + v;
        if (by < 0 || by >= b.ih) continue;
        for (let u = -1; u <= 1; u++) {
          const bx = x + dx + u;
          if (bx >= 0 && bx < b.iw && b.ink[by * b.iw + bx]) {
            near = true;
            break;
          }
        }
      }
      if (!near) stray++;
    }
  return n ? stray / n : 1;
}

/**
 * The old text's glyphs whose shape was found by order (not cut from a neighbour's ink), from the
 * reading of the area before the edit and the grey image it was read from (`shapes`: the
 * wordShapes of every word, keyed by the symbols' boxes).
 */
export function referenceFrom(
  glyphs: readonly { text: string; box: Box; word?: number }[],
  shapes: ReadonlyMap<Box, Shape>,
  grey: Pick<GreyImage, 'scale'>,
): GlyphReference {
  const s = grey.scale ?? 1;
  const words = new Map<number, string>();
  for (const g of glyphs) if (g.word !== undefined) words.set(g.word, (words.get(g.word) ?? '') + g.text);
  const out: RefGlyph[] = [];
  for (const g of glyphs) {
    const sh = shapes.get(g.box);
    if (!sh || sh.x === undefined || sh.cut || sh.parts === 0 || !g.text.trim()) continue;
    if (!trustedStem(g.text, g.word === undefined ? undefined : words.get(g.word))) continue;
    out.push({ text: g.text, ink: sh.ink, iw: sh.w, ih: sh.h, scale: s });
  }
  // A zero and an O (a 1 and an l) of the old text that look alike tell nothing (or one of them was
  // misread); so do two old glyphs of one kind that are not alike, since one font draws one 1.
  let kept = out;
  for (const [a, b] of PAIRS) {
    const as = kept.filter((r) => r.text === a);
    const bs = kept.filter((r) => r.text === b);
    const alike = as.some((x) => bs.some((y) => sameGlyph(x, y)));
    const split = a === '1' && [as, bs].some((k) => k.some((x) => k.some((y) => !sameGlyph(x, y, SAME_LETTERING_INK, true))));
    if (alike || split) kept = kept.filter((r) => r.text !== a && r.text !== b);
  }
  return { glyphs: kept };
}

/** The confusable pairs the reference settles. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['0', 'O'],
  ['1', 'l'],
];

/**
 * Whether the OCR's label of an old stem can be trusted: a 1 only inside a number (its word has
 * another digit and no letter: "13", "1.5"), an l only inside a word of letters (another letter, no
 * digit). The label is all that says which stem is which, and the OCR reads a stem by its word: an l
 * read as "1" in "Ha1l" or a 1 read as "l" in "l3" is dropped. Other characters pass.
 */
function trustedStem(text: string, word: string | undefined): boolean {
  if (text !== '1' && text !== 'l') return true;
  if (word === undefined) return false;
  const rest = word.replace(text, '');
  return text === '1' ? /\d/.test(rest) && !/\p{L}/u.test(rest) : /\p{L}/u.test(rest) && !/\d/.test(rest);
}

/**
 * Widths and heights this close are the same size: a pixel of the image read (drawn at another
 * sub-pixel position, a glyph binarises a pixel wider or narrower), or this share of large glyphs.
 * Strict, because the ink measure forgives a pixel on every side: an O two pixels wider than its
 * zero (Clear Sans at 20 px, read at twice the size) has no ink more than a pixel from the zero's.
 * Only glyphs read at the same scale compare.
 */
const SIZE_PX = 1;
const SIZE_SHARE = 0.04;
/**
 * Ink this close (inkDistance: the share of ink more than a pixel from the other's) is the same
 * glyph. The bench's zeros drawn again 0.4 px off their old zeros measure 0; an O of its zero's size
 * 0.02 and more in the fonts looked at (Dosis at 20 px 0.022, JetBrains Mono 0.061, DejaVu Sans
 * Mono's dotted zero 0.078; docs/text-check.md). A model that redraws the lettering less exactly
 * gets "unsure", never a wrong "right".
 */
export const SAME_INK = 0.01;
/** Other letters of the line compared with the old ones: the same lettering, give or take a source pixel. */
const SAME_LETTERING_INK = 0.15;

const near = (a: number, b: number, px: number) => Math.abs(a - b) <= Math.max(px, SIZE_SHARE * b);
type Sized = Pick<RefGlyph, 'ink' | 'iw' | 'ih' | 'scale'>;
/** The same size: to a pixel of the read image, or (`loose`) to a source pixel. */
const sameSize = (a: Sized, b: Sized, loose = false) => {
  const px = loose ? SIZE_PX * a.scale : SIZE_PX;
  return a.scale === b.scale && near(a.ih, b.ih, px) && near(a.iw, b.iw, px);
};

/** The same size to a pixel (or a few per cent), read at the same scale, and ink this close. */
export function sameGlyph(a: Sized, b: Sized, ink = SAME_INK, loose = false): boolean {
  return sameSize(a, b, loose) && inkDistance(a, b) < ink;
}

/** Characters that say nothing about the lettering (confusable, or too small to measure). */
const NOT_EVIDENCE = new Set(['0', 'O', 'o', '1', 'l', 'I', 'i', '|', '.', ',', ':', ';', "'", '"', '-']);

/**
 * Whether the candidate's line is drawn in the old text's lettering: 'same' when at least one
 * character both lines share (and that is not itself confusable) is there and every such character
 * matches an old glyph of the same text in size and, loosely, in ink; 'other' when one does not;
 * 'unknown' when they share no such character whose shape was found on both sides (the old word's
 * glyphs did not pair up one to one with its symbols: Computer Modern's "Hall" at 32 px).
 */
export function sameLettering(
  line: readonly GlyphRef[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
  scale: number,
  ref: GlyphReference,
): 'same' | 'other' | 'unknown' {
  if (!shapes) return 'unknown';
  let shared = 0;
  for (const o of line) {
    if (NOT_EVIDENCE.has(o.text)) continue;
    const olds = ref.glyphs.filter((r) => r.text === o.text);
    if (!olds.length) continue;
    const s = shapes.get(o.box);
    if (!s || s.x === undefined || s.cut || s.parts === 0) continue;
    const mine = { ink: s.ink, iw: s.w, ih: s.h, scale };
    if (olds.some((r) => sameGlyph(mine, r, SAME_LETTERING_INK, true))) shared++;
    // Far from every old glyph of its text in size: a glyph's ink paired with the wrong symbol on
    // one side or the other (a word split into one piece more or less, a digit run into its
    // neighbour), which says nothing about the lettering.
    else if (olds.some((r) => !missegmented(mine, r))) return 'other';
  }
  return shared > 0 ? 'same' : 'unknown';
}

/**
 * Two glyphs of one text whose sizes differ by more than MISSEGMENTED of the larger and by more than
 * two source pixels: not two letterings, but the ink of the wrong symbol on one side. Redrawn
 * lettering keeps its glyphs' sizes to a source pixel (the bench's: to a read pixel); Karmilla's "3"
 * paired with part of the 0 beside it measured 10 px wider than its old 3 at 96 px, and Goudy
 * Bookletter's "Gain" paired one glyph off measured 20–28 px off in width or height.
 */
const MISSEGMENTED = 0.2;
function missegmented(a: Sized, b: Sized): boolean {
  const far = (x: number, y: number) => Math.abs(x - y) > Math.max(2 * a.scale, MISSEGMENTED * Math.max(x, y));
  return a.scale === b.scale && (far(a.iw, b.iw) || far(a.ih, b.ih));
}

/** For a requested character, the old glyphs of the other kind and the badge's pair. */
const OTHER: Readonly<Record<string, { other: string; between: string }>> = {
  '0': { other: 'O', between: 'O/0' },
  O: { other: '0', between: 'O/0' },
  '1': { other: 'l', between: '1/l' },
  l: { other: '1', between: '1/l' },
};

/**
 * The verdict for a glyph requested as `typed` (0 or O, 1 or l, as typed) from the old text's own
 * glyphs of both kinds, or null when they settle nothing and the width and flag rules decide:
 * - the same ink as an old glyph of the asked kind confirms it; as an old glyph of the other kind, vetoes;
 * - otherwise, when the old text has a glyph of the asked kind, never right: a veto when the glyph
 *   is the size of an old glyph of the other kind and of none of the asked kind, else unsure (the
 *   caller lets the rules still veto, never confirm). An O drawn for a zero is wider than the
 *   font's zeros, or as wide with other ink (monospaced fonts; Dosis, whose O is its zero's size) —
 *   and wherever the width rules misjudge this font, the reference shows it: fresh held back 4
 *   (docs/text-check.md) had 59 of 600 wrong candidates marked right on widths alone, 29 with the
 *   reference when it still let the width rules confirm a glyph of the zero's size but other ink;
 *   an l drawn for a 1 lacks the old 1's flag or foot, whatever the flag rules make of this font;
 * - no glyph of the asked kind in the old text (only the other kind, and not its ink), or the line
 *   not in the old lettering: null, the rules decide.
 */
export function byReference(
  g: Shape,
  typed: string,
  line: readonly GlyphRef[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
  scale: number,
  ref: GlyphReference | undefined,
): GlyphVerdict | null {
  const kind = OTHER[typed];
  if (!kind || !ref || g.parts === 0) return null;
  const asked = ref.glyphs.filter((r) => r.text === typed);
  const other = ref.glyphs.filter((r) => r.text === kind.other);
  if (!asked.length && !other.length) return null;
  // A glyph cut from its neighbour's ink ("l4" run together) has no ink of its own to compare: with
  // the asked kind in the old text, at this scale, in lettering not known to be other, it can only
  // be unsure.
  if (g.cut) {
    const unsure = asked.some((r) => r.scale === scale) && sameLettering(line, shapes, scale, ref) !== 'other';
    return unsure ? { result: 'unsure', between: kind.between } : null;
  }
  const mine = { ink: g.ink, iw: g.w, ih: g.h, scale };
  // The old text's lettering, or — when no shared letter shows it either way — glyphs of the
  // old ones' height read at the same scale: a candidate in other lettering of that very height
  // can then only be made unsure (only the old glyph's own ink confirms).
  const lettering = sameLettering(line, shapes, scale, ref);
  if (lettering === 'other') return null;
  // A 1 and an l differ in height in many fonts (an old-style 1 is x-height, an l an ascender), so
  // for them any old stem read at the same scale counts: an l drawn for an old-style 1 is taller
  // than every old 1 and would otherwise be left to the flag rules.
  const stems = typed === '1' || typed === 'l';
  if (lettering === 'unknown' && ![...asked, ...other].some((r) => r.scale === scale && (stems || near(r.ih, g.h, scale)))) return null;
  const veto: GlyphVerdict = { result: 'veto', looksLike: kind.other };
  const unsure: GlyphVerdict = { result: 'unsure', between: kind.between };
  const isAsked = asked.some((r) => sameGlyph(mine, r));
  const isOther = other.some((r) => sameGlyph(mine, r));
  // Within a pixel of both kinds: this font's two glyphs are too alike at this size to tell (Tuffy's
  // 1 and l at 20 px are a pixel apart in width).
  if (isAsked && isOther) return unsure;
  // A stem is told from the other kind by a flag or a foot a pixel or two long, which the ink measure
  // forgives: the old 1 confirms a stem only where the old text shows that this font's l differs
  // (Nimbus Roman draws its 1 and l at 20 px with the same pixels); without an old l the rules decide.
  if (isAsked) return typed === '1' || typed === 'l' ? (other.length ? { result: 'ok' } : null) : { result: 'ok' };
  if (isOther) return veto;
  if (!asked.length) return null;
  return other.some((r) => sameSize(mine, r)) && !asked.some((r) => sameSize(mine, r)) ? veto : unsure;
}

/** An old 0 or O at least this far in ink from an old o shows that this font tells them apart. */
const ROUND_APART_INK = 0.05;

/**
 * A lowercase o requested ("Box", "Lemon") confirmed by the old text's own o: on a line in the old
 * lettering (or of unknown lettering), the glyph has an old o's ink (the same size to a pixel, no ink
 * more than a pixel from it), and the old text also shows this font's 0 or O, unlike that o in size or
 * by at least ROUND_APART_INK of ink — so the glyph is the o, not a zero or capital drawn for it (in
 * fonts with old-style figures the zero is an x-height ring: then the old o and 0 are alike and
 * nothing is confirmed). The width rules cannot tell a tall-x-height o from a narrow O or 0
 * (Karmilla, Lemonada: "O/0 unclear"). Null: the rules decide.
 */
export function lowerOByReference(
  g: Shape,
  line: readonly GlyphRef[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
  scale: number,
  ref: GlyphReference | undefined,
): GlyphVerdict | null {
  if (!ref || g.parts !== 1 || g.cut) return null;
  const os = ref.glyphs.filter((r) => r.text === 'o' && r.scale === scale);
  const rounds = ref.glyphs.filter((r) => (r.text === '0' || r.text === 'O') && r.scale === scale);
  if (!os.length || !rounds.length || sameLettering(line, shapes, scale, ref) === 'other') return null;
  const apart = (a: Sized, b: Sized) => !sameSize(a, b) || inkDistance(a, b) >= ROUND_APART_INK;
  if (!os.every((o) => rounds.every((r) => apart(o, r)))) return null;
  const mine = { ink: g.ink, iw: g.w, ih: g.h, scale };
  return os.some((o) => sameGlyph(mine, o)) && rounds.every((r) => apart(mine, r)) ? { result: 'ok' } : null;
}
