import { describe, expect, it } from 'vitest';
import { checkGlyph, type GreyImage } from './glyph-check';
import type { Shape } from './word-segments';
import { quotedStrings, requestedText } from './requested-text';
import { uncheckableScript } from './scripts';
import { badgeText, bestSubstring, matchText, normalise, rankOf, verdictWords, type OcrReading } from './text-match';

describe('requested text', () => {
  it('takes the new and the old text from the prompt', () => {
    expect(requestedText("change the text on the box from 'V1.0' to 'V2.0', keep the font")).toEqual({ text: 'V2.0', old: 'V1.0' });
    expect(requestedText('replace “SALE” with “SOLD OUT”')).toEqual({ text: 'SOLD OUT', old: 'SALE' });
    expect(requestedText('make the label read "V2.0"')).toEqual({ text: 'V2.0' });
    expect(requestedText('to "B" instead of "A"')).toEqual({ text: 'B', old: 'A' });
    expect(requestedText("remove the sticker, don't touch the box")).toBeNull();
    expect(requestedText('把文字改成「新品上市」')).toEqual({ text: '新品上市' });
  });
  it('lets the Text field win and keeps an apostrophe inside words', () => {
    expect(requestedText("change 'V1.0' to the new version", 'V2.0')).toEqual({ text: 'V2.0' });
    expect(requestedText("change 'V1.0' to 'V3'", 'V2.0')).toEqual({ text: 'V2.0', old: 'V1.0' });
    expect(quotedStrings("it's the 'new' one").map((q) => q.value)).toEqual(['new']);
  });
});

describe('scripts', () => {
  it('names the scripts the English data cannot read', () => {
    expect(uncheckableScript('V2.0 – “Sale” 50% €9')).toBeNull();
    expect(uncheckableScript('新品上市')).toBe('Chinese');
    expect(uncheckableScript('セール')).toBe('Japanese');
    expect(uncheckableScript('할인')).toBe('Korean');
    expect(uncheckableScript('تخفيض')).toBe('Arabic');
    expect(uncheckableScript('Café')).toBe('accented Latin');
  });
});

const reading = (text: string): OcrReading => ({ text, glyphs: [] });

describe('matching', () => {
  it('normalises case, whitespace and quotes', () => {
    expect(normalise(' “Big”  Sale ')).toBe('"big"sale');
    expect(matchText({ requested: { text: "'new' label" }, reading: reading('THE ‘NEW’ LABEL\n') }).status).toBe('right');
  });
  it('finds the requested text inside a longer reading and counts wrong characters', () => {
    expect(bestSubstring('v2.0', 'modelxv2.1pro')).toEqual({ distance: 1, start: 6, end: 10 });
    const v = matchText({ requested: { text: 'V2.0' }, reading: reading('Model X V2.1 pro') });
    expect(v).toMatchObject({ status: 'wrong', distance: 1, similarity: 0.75 });
    expect(badgeText(v)).toBe('v2.1 ✗ 1 character');
  });
  it('says "not found" when the closest reading has more than half of the characters wrong', () => {
    // Stray shapes read as letters (the rims of cups around a plain red candidate): the reading is noise.
    const junk = matchText({ requested: { text: 'SALE 50%' }, reading: reading('alle hh 4') });
    expect(junk.status).toBe('wrong');
    expect(junk.similarity).toBeLessThan(0.5);
    expect(badgeText(junk)).toBe('not found ✗');
    expect(verdictWords(junk)).toMatch(/^Wrong: SALE 50% not found \(the closest reading, “.+”, differs in \d+ characters\)$/);
    // Half right is still a near miss, counted in characters.
    const half = matchText({ requested: { text: 'V2.0' }, reading: reading('V3.1') });
    expect(half.similarity).toBe(0.5);
    expect(badgeText(half)).toBe('v3.1 ✗ 2 characters');
  });
  it('marks a reading that still shows the old text as wrong', () => {
    const v = matchText({ requested: { text: 'V2.0', old: 'V1.0' }, reading: reading('V1.0 V2.0') });
    expect(v).toMatchObject({ status: 'wrong', oldGone: false, note: 'old text still there' });
    expect(matchText({ requested: { text: 'V2.0' }, reading: reading('V2.0'), before: 'V1.0' }).oldGone).toBe(true);
  });
  it('says the verdict in words for the tooltip and the accessible name', () => {
    expect(verdictWords(matchText({ requested: { text: 'V2.0' }, reading: reading('V2.0') }))).toBe('Spelled right: v2.0');
    expect(verdictWords(matchText({ requested: { text: 'V2.0' }, reading: reading('Model X V2.1 pro') }))).toBe(
      '1 character wrong: read v2.1, asked for V2.0',
    );
    expect(verdictWords(matchText({ requested: { text: 'V2.0', old: 'V1.0' }, reading: reading('V1.0 V2.0') }))).toBe(
      'Wrong: v2.0 is spelled right, but the old text is still there',
    );
    expect(verdictWords(matchText({ requested: { text: 'V2.0' }, reading: reading('') }))).toBe('Wrong: no text read, asked for V2.0');
    const unsure = { status: 'unsure' as const, expected: 'V2.0', read: 'V2.0', reading: 'V2.0', distance: 0, similarity: 1 };
    expect(verdictWords({ ...unsure, note: 'O/0 unclear' })).toBe('Unsure: O and 0 look alike in this font (read V2.0, asked for V2.0)');
    expect(verdictWords({ ...unsure, note: 'rn/m unclear' })).toMatch(/^Unsure: rn and m look alike at this size/);
    expect(verdictWords(matchText({ requested: { text: '新品' }, reading: reading('') }))).toBe(
      'Not checked: Chinese text cannot be read by the installed OCR (Latin only)',
    );
  });
  it('calls a slash read as 7, 1 or a stem unsure, not wrong (a right "OPEN 24/7" was read "OPEN 2477")', () => {
    const open = (read: string) => matchText({ requested: { text: 'OPEN 24/7' }, reading: reading(read) });
    for (const read of ['OPEN 2477', 'OPEN 2417', 'OPEN 24l7', 'OPEN 24|7'])
      expect(open(read)).toMatchObject({ status: 'unsure', note: '/ unclear', distance: 1 });
    expect(open('OPEN 24/7').status).toBe('right');
    expect(verdictWords(open('OPEN 2477'))).toBe('Unsure: the slash reads like a 7, a 1 or a stroke (read open2477, asked for OPEN 24/7)');
    // Any other difference stays wrong: the 7 drawn as a 1, the slash read as a digit that is no stroke.
    expect(open('OPEN 24/1').status).toBe('wrong');
    expect(open('OPEN 2427').status).toBe('wrong');
    expect(open('OPEN 2477 ').status).toBe('unsure');
    expect(open('0PEN 2477').status).toBe('wrong');
  });

  it('calls a capital I read as another bare stem unsure, not wrong, and nothing else', () => {
    const item = (read: string, text = 'Item 4') => matchText({ requested: { text }, reading: reading(read) });
    for (const read of ['ltem 4', '[tem 4', '|tem 4'])
      expect(item(read)).toMatchObject({ status: 'unsure', note: 'I/l unclear', distance: 1 });
    expect(verdictWords(item('ltem 4'))).toBe('Unsure: I and l look alike in this font (read ltem4, asked for Item 4)');
    expect(matchText({ requested: { text: 'Only' }, reading: reading('OnIy') })).toMatchObject({ status: 'unsure', note: 'I/l unclear' });
    // A 1 has a flag, a lower-case i a dot: those readings stay wrong; so does any other difference.
    expect(item('1tem 4').status).toBe('wrong');
    expect(item('ltem 4', 'item 4').status).toBe('wrong');
    expect(item('ltem 5').status).toBe('wrong');
    expect(item('lten 4').status).toBe('wrong');
    expect(matchText({ requested: { text: 'Only' }, reading: reading('Oniy') }).status).toBe('wrong');
    // The old text still there is wrong whatever the stems.
    expect(matchText({ requested: { text: 'Item 4', old: 'Item 3' }, reading: reading('Item 3 ltem 4') }).status).toBe('wrong');
  });
  it('ranks right before unsure before wrong before not checked', () => {
    const right = matchText({ requested: { text: 'ab' }, reading: reading('ab') });
    const wrong = matchText({ requested: { text: 'ab' }, reading: reading('xx') });
    const cjk = matchText({ requested: { text: '新品' }, reading: reading('') });
    expect(badgeText(cjk)).toBe('not checked: Chinese');
    expect(rankOf(right)).toBeLessThan(rankOf(wrong));
    expect(rankOf(wrong)).toBeLessThan(rankOf(cjk));
  });
});

/** A ring (O or 0) of the given size drawn in a grey image, optionally with a dot in the middle. */
function ring(w: number, h: number, dot = false): GreyImage {
  const W = w + 20;
  const H = h + 20;
  const data = new Uint8Array(W * H).fill(230);
  const cx = W / 2;
  const cy = H / 2;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const r = ((x + 0.5 - cx) / (w / 2)) ** 2 + ((y + 0.5 - cy) / (h / 2)) ** 2;
      const inner = ((x + 0.5 - cx) / (w / 2 - 5)) ** 2 + ((y + 0.5 - cy) / (h / 2 - 5)) ** 2;
      if ((r <= 1 && inner >= 1) || (dot && Math.abs(x - cx) < 6 && Math.abs(y - cy) < 7)) data[y * W + x] = 20;
    }
  return { width: W, height: H, data };
}

describe('glyph checks', () => {
  const box = (img: GreyImage) => ({ x0: 10, y0: 10, x1: img.width - 10, y1: img.height - 10 });
  const ctx = (typed: string, line: { text: string; box: { x0: number; y0: number; x1: number; y1: number } }[] = []) => ({
    typed,
    word: [],
    line,
  });
  it('tells a round O from a narrow 0 (unsure with nothing to compare with), and a dotted 0 whatever its width', () => {
    const wide = ring(48, 60);
    const narrow = ring(34, 60);
    expect(checkGlyph(wide, '0', box(wide), ctx('0'))).toEqual({ result: 'veto', looksLike: 'O' });
    // Alone on its line (no digit 2–9, no O or o to compare with) a narrow ring is no proof of a
    // zero: condensed and monospaced fonts draw their O that narrow (Roboto Condensed "Exit 1O").
    expect(checkGlyph(narrow, '0', box(narrow), ctx('0'))).toEqual({ result: 'unsure', between: 'O/0' });
    expect(checkGlyph(narrow, 'o', box(narrow), ctx('O'))).toEqual({ result: 'veto', looksLike: '0' });
    const dotted = ring(48, 60, true);
    expect(checkGlyph(dotted, '0', box(dotted), ctx('0'))).toEqual({ result: 'ok' });
  });
  it('says nothing of O or 0 from ink that is not one round glyph: two rings run together, or a speck beside them', () => {
    // "Lot 1OO" in Go Mono at 20 px, light on navy: the word's shapes (matched by order) gave the
    // second O the two touching rings as one shape, whose shared middle looked like a zero's dot,
    // and the first O a speck; the line was marked right.
    // As measured there: rings 27 px wide and 31 tall, run together into one 47 × 31 shape.
    const one = ring(27, 31);
    const w = 47;
    const h = 31;
    const ink = new Uint8Array(w * h);
    for (const dx of [0, 20])
      for (let y = 0; y < h; y++) for (let x = 0; x < 27; x++) if (one.data[(y + 10) * one.width + x + 10] < 128) ink[y * w + x + dx] = 1;
    const pair: Shape = { ink, w, h, parts: 1, x: 153 };
    const speck: Shape = { ink: new Uint8Array(8 * 4).fill(1), w: 8, h: 4, parts: 1, x: 145, cut: true };
    const first = { x0: 153, y0: 32, x1: 175, y1: 63 };
    const second = { x0: 153, y0: 32, x1: 200, y1: 63 };
    const word = [
      { text: '0', box: first },
      { text: '0', box: second },
    ];
    const shapes = new Map([
      [first, speck],
      [second, pair],
    ]);
    const img = { width: 260, height: 100, data: new Uint8Array(260 * 100) };
    for (const b of [second, first])
      expect(checkGlyph(img, '0', b, { typed: '0', word, line: word, shapes })).toEqual({ result: 'unsure', between: 'O/0' });
    // One dotted zero of that height is still a zero.
    const dotted = ring(34, 60, true);
    expect(checkGlyph(dotted, '0', box(dotted), { typed: '0', word: [{ text: '0', box: box(dotted) }], line: [] })).toEqual({
      result: 'ok',
    });
  });
  it("asks more of a zero in text sheared upright: an italic O 1.17× its digits' width is no zero there", () => {
    // Caladea Italic "Code 2O31" at 20 px, sheared upright: O 21 px, zero 19, the 2 18, all 29 tall.
    const shapeOfRing = (w: number, x: number): Shape => {
      const r = ring(w, 29);
      const ink = new Uint8Array(w * 29);
      for (let y = 0; y < 29; y++) for (let k = 0; k < w; k++) ink[y * w + k] = r.data[(y + 10) * r.width + k + 10] < 128 ? 1 : 0;
      return { ink, w, h: 29, parts: 1, x };
    };
    const two: Shape = { ink: new Uint8Array(18 * 29).fill(1), w: 18, h: 29, parts: 1, x: 127 };
    const twoBox = { x0: 127, y0: 30, x1: 145, y1: 59 };
    const ringBox = { x0: 149, y0: 30, x1: 170, y1: 59 };
    const verdict = (w: number, slant?: number) => {
      const line = [
        { text: '2', box: twoBox },
        { text: '0', box: ringBox },
      ];
      const shapes = new Map([
        [twoBox, two],
        [ringBox, shapeOfRing(w, 149)],
      ]);
      const img = { width: 300, height: 100, data: new Uint8Array(300 * 100), slant };
      return checkGlyph(img, '0', ringBox, { typed: '0', word: line, line, shapes });
    };
    expect(verdict(21)).toEqual({ result: 'ok' });
    expect(verdict(21, 0.2)).toEqual({ result: 'unsure', between: 'O/0' });
    expect(verdict(19, 0.2)).toEqual({ result: 'ok' });
  });
  it('is unsure about O/0 in monospaced text and sees "rn" read as "m"', () => {
    const narrow = ring(38, 60);
    // Evenly spaced centres: monospaced.
    const mono = ['A', 'I', 'C'].map((text, i) => ({
      text,
      box: { x0: i * 40 + (text === 'I' ? 11 : 0), y0: 0, x1: i * 40 + (text === 'I' ? 19 : 30), y1: 60 },
    }));
    expect(checkGlyph(narrow, '0', box(narrow), ctx('0', mono))).toEqual({ result: 'unsure', between: 'O/0' });
    // Two bars with an empty column between them, read as one "m".
    const W = 60;
    const H = 40;
    const data = new Uint8Array(W * H).fill(255);
    for (let y = 10; y < 30; y++) for (const x of [12, 13, 14, 15, 30, 31, 32, 33, 44, 45, 46, 47]) data[y * W + x] = 0;
    const img = { width: W, height: H, data };
    expect(checkGlyph(img, 'm', { x0: 12, y0: 10, x1: 48, y1: 30 }, ctx('m'))).toEqual({ result: 'veto', looksLike: 'rn' });
  });
  it('tells a 1 (flag reaching down from the top) from an l (a plain stem)', () => {
    const draw = (flag: boolean): GreyImage => {
      const W = 60;
      const H = 80;
      const data = new Uint8Array(W * H).fill(240);
      for (let y = 10; y < 70; y++) for (let x = 32; x < 38; x++) data[y * W + x] = 10;
      // A diagonal flag down-left from the top of the stem, a quarter of the height.
      if (flag) for (let k = 0; k < 16; k++) for (let t = 0; t < 4; t++) data[(10 + k) * W + 31 - k + t] = 10;
      return { width: W, height: H, data };
    };
    const b = { x0: 14, y0: 10, x1: 38, y1: 70 };
    expect(checkGlyph(draw(true), '1', b, ctx('1'))).toEqual({ result: 'ok' });
    expect(checkGlyph(draw(true), 'l', b, ctx('l'))).toEqual({ result: 'veto', looksLike: '1' });
    expect(checkGlyph(draw(false), '1', b, ctx('1'))).toEqual({ result: 'veto', looksLike: 'l' });
    expect(checkGlyph(draw(false), 'l', b, ctx('l'))).toEqual({ result: 'ok' });
    expect(checkGlyph(draw(true), 'l', b, ctx('L'))).toEqual({ result: 'ok' });
    // "ORGAN1C" read as "ORGANIC": a capital I has no flag.
    expect(checkGlyph(draw(true), 'i', b, ctx('I'))).toEqual({ result: 'veto', looksLike: '1' });
    expect(checkGlyph(draw(false), 'i', b, ctx('I'))).toEqual({ result: 'ok' });
    expect(checkGlyph(draw(true), 'i', b, ctx('i'))).toEqual({ result: 'ok' });
  });
});
