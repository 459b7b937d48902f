/**
 * Whether a line is set in a monospaced font, from where its glyphs sit: the O/0 and 1/l checks
 * (glyph-check.ts) trust widths only in proportional fonts.
 */
import type { Box, GlyphRef } from './glyph-check';
import type { Shape } from './word-segments';

/**
 * Glyph centres evenly spaced (within 8 %) along a line: a monospaced font. Only spacings next to a
 * letter count, because most fonts draw digits at one width. With the glyphs' real shapes, a glyph
 * wider than the spacing rules it out (a monospaced glyph fits its cell): Liberation Serif spaces
 * "SALE" evenly, but its A is wider than the spacing.
 */
export function monospaced(line: readonly GlyphRef[], shapes?: ReadonlyMap<Box, Shape>): boolean {
  const found = shapes && line.every((o) => shapes.get(o.box)?.x !== undefined);
  const cells = [...line]
    .map((o) => {
      const s = found ? shapes.get(o.box) : undefined;
      return s?.x !== undefined
        ? { text: o.text, word: o.word, x0: s.x, x1: s.x + s.w, h: s.h }
        : { text: o.text, word: o.word, x0: o.box.x0, x1: o.box.x1, h: o.box.y1 - o.box.y0 };
    })
    .sort((a, b) => a.x0 - b.x0);
  const even = (d: readonly number[], orPunctuation: boolean) => {
    if (d.length < 2) return false;
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    if (found && cells.some((c) => c.x1 - c.x0 > mean * 1.05)) return false;
    // Evenly spaced letters of similar width ("SALE" in many fonts) also count: unsure rather than wrong.
    return (
      (mean > 0 && d.every((v) => Math.abs(v - mean) <= mean * 0.08)) || (orPunctuation && found === true && punctuationInCells(cells))
    );
  };
  if (even(letterPitches(cells, false), true)) return true;
  // A wide monospaced font's pitch can exceed 1.2 of its x-height (Anonymous Pro: 31 px cells for
  // 25 px lowercase at 56 px), so lowercase neighbours in one word were taken for a word space and
  // "Zone 08" had one pitch left: not monospaced, and the width rules took its plain O for the
  // slashed zero. Where the OCR gives the glyphs' words, the spacings inside a word count whatever
  // their size (only as more evidence for monospaced: the line must still be evenly spaced), and only
  // on the glyphs' own ink, where a glyph wider than the pitch rules it out: on the OCR's boxes,
  // Nimbus Roman Italic's "Woo1" (20 px) spaces W, o, o, 1 within 8 % and the line passed for
  // monospaced, which turns off the leaning-1 rule (one-for-l.ts) and marked that 1 right as an l.
  return found === true && cells.every((c) => c.word !== undefined) && even(letterPitches(cells, true), false);
}

/**
 * Centre-to-centre spacings of neighbouring glyphs next to a letter (two digits apart do not count:
 * most fonts draw digits at one width). A word space is not a letter spacing: by `byWord`, two glyphs
 * of different OCR words; otherwise a spacing over 1.2 of the taller glyph's height.
 */
function letterPitches(cells: readonly { text: string; word?: number; x0: number; x1: number; h: number }[], byWord: boolean): number[] {
  const d: number[] = [];
  for (let i = 1; i < cells.length; i++) {
    if (/^\d$/.test(cells[i].text) && /^\d$/.test(cells[i - 1].text)) continue;
    const gap = (cells[i].x0 + cells[i].x1) / 2 - (cells[i - 1].x0 + cells[i - 1].x1) / 2;
    const h = Math.max(cells[i].h, cells[i - 1].h);
    if (byWord ? cells[i].word !== cells[i - 1].word : gap > h * 1.2) continue;
    d.push(gap);
  }
  return d;
}

/**
 * Points and commas that take a whole cell: a proportional font sets "." or "," on a narrow
 * advance, so the centres either side of it sit closer than its widest glyphs are wide (about 0.42
 * of an em, a digit or capital being 0.5–0.7), while a monospaced font gives it a whole cell, which
 * holds its widest glyph. True when at least two such pitches are each at least as wide as the
 * widest other glyph on the line (Inconsolata's "v1O.2.1": pitches 25.5–29 px, widest glyph 22;
 * its ink centres vary by 9 %, so the even-spacing test misses it). Lines without a point or comma
 * between glyphs never have the evidence, nor do lines measured on the OCR's boxes instead of the
 * glyphs' ink (the boxes' widths are approximate).
 */
function punctuationInCells(cells: readonly { text: string; x0: number; x1: number; h: number }[]): boolean {
  const punct = (t: string) => t === '.' || t === ',';
  const widest = Math.max(0, ...cells.filter((c) => !punct(c.text)).map((c) => c.x1 - c.x0));
  const beside: number[] = [];
  for (let i = 1; i < cells.length; i++) {
    const gap = (cells[i].x0 + cells[i].x1) / 2 - (cells[i - 1].x0 + cells[i - 1].x1) / 2;
    if (gap > Math.max(cells[i].h, cells[i - 1].h) * 1.2) continue; // a word space
    if (punct(cells[i].text) !== punct(cells[i - 1].text)) beside.push(gap);
  }
  return widest > 0 && beside.length >= 2 && beside.every((g) => g >= widest);
}
