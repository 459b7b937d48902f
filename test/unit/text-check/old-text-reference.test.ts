/**
 * The O/0 check against the old text under the mask (shared/text-check/reference-glyphs.ts), on
 * committed renderings (test/fixtures/text/make-fixtures.ts) through the code an edit job runs: the
 * region before the edit shows the old text, read once when the check is prepared, and each
 * candidate is read and judged against that lettering's own zeros.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkCandidate, prepareTextCheck } from '../../../electron/main/text-check/check-candidates';
import { shutdownOcr } from '../../../electron/main/text-check/ocr-engine';
import { fixtureRgba } from '../../support/text-fixtures';

afterAll(async () => {
  await shutdownOcr();
});

const rgba = fixtureRgba;

/** The candidate `name` over a region that showed `old` before the edit (none: its plain background). */
async function check(name: string, text: string, old?: string) {
  const cand = await rgba(name);
  const base = old ? (await rgba(old)).px : new Uint8Array(cand.px.length);
  if (!old) for (let i = 0; i < base.length; i += 4) base.set(cand.px.subarray(0, 4), i);
  const region = { width: cand.width, height: cand.height };
  const mask = new Uint8Array(cand.width * cand.height).fill(1);
  const ctx = await prepareTextCheck({ text }, base, mask, region, old ? undefined : '', old !== undefined);
  return { ctx: ctx!, verdict: await checkCandidate(ctx!, base, cand.width, cand.px) };
}

describe('the old text under the mask tells O from 0', () => {
  it("confirms a monospaced zero drawn as the old text's zero, and never the O drawn for it", async () => {
    // DejaVu Sans Mono's zero is dotted; its O is a plain ring exactly as wide. The old line's zero
    // confirms only ink that close, so the O is left to the width rules (monospaced: unsure).
    const right = await check('ref-mono-v2-right.png', 'V2.0', 'ref-mono-v3-old.png');
    expect(right.ctx.before).toBe('V3.0');
    expect(right.ctx.reference?.glyphs.map((g) => g.text)).toContain('0');
    expect(right.verdict).toMatchObject({ status: 'right', read: 'V2.0', oldGone: true });
    const wrong = await check('ref-mono-v2-wrong.png', 'V2.0', 'ref-mono-v3-old.png');
    expect(wrong.verdict.status).not.toBe('right');
  });

  it('confirms a zero with no other digit on the line from the old zeros of the same font', async () => {
    // "Exit 10" has no digit 2–9 to measure the zero against: unsure without the old text.
    expect((await check('condensed-exit-10.png', 'Exit 10')).verdict.status).toBe('unsure');
    expect((await check('condensed-exit-10.png', 'Exit 10', 'ref-condensed-exit-70-old.png')).verdict.status).toBe('right');
    expect((await check('condensed-exit-1o.png', 'Exit 10', 'ref-condensed-exit-70-old.png')).verdict.status).not.toBe('right');
  });
});

describe('the old text under the mask tells 1 from l', () => {
  it("confirms a bare-stem 1 drawn as the old text's 1, which the flag rules take for an l", async () => {
    // Tuffy at 20 px: the old "Floor 13" shows both the font's 1 and its l, a pixel apart in width.
    expect((await check('ref-tuffy-floor-12.png', 'Floor 12')).verdict.status).not.toBe('right');
    const right = await check('ref-tuffy-floor-12.png', 'Floor 12', 'ref-tuffy-floor-13-old.png');
    expect(right.ctx.reference?.glyphs.map((g) => g.text)).toEqual(expect.arrayContaining(['1', 'l']));
    expect(right.verdict).toMatchObject({ status: 'right', read: 'Floor 12' });
    const wrong = await check('ref-tuffy-floor-l2.png', 'Floor 12', 'ref-tuffy-floor-13-old.png');
    expect(wrong.verdict.status).not.toBe('right');
  });

  it('never confirms an l drawn for an old-style 1 of the old text', async () => {
    // Goudy Bookletter 1911 at 20 px: its 1 is x-height, and the l drawn for it passed the flag rules.
    const wrong = await check('ref-goudy-dock-l4.png', 'Dock 14', 'ref-goudy-dock-13-old.png');
    expect(wrong.ctx.reference?.glyphs.map((g) => g.text)).toContain('1');
    expect(wrong.verdict.status).not.toBe('right');
  });

  it("reads a candidate at the old text's scale, so its zero meets the old O", async () => {
    // Prociono at 32 px: "0rbit 6" crops taller than "Orbit 5" (an old-style 6 rises above a 5), so
    // it was read at twice the size, where no old glyph compared with it, and its 0 passed as an o.
    const wrong = await check('ref-prociono-0rbit-6.png', 'Orbit 6', 'ref-prociono-orbit-5-old.png');
    expect(wrong.verdict.status).not.toBe('right');
    const right = await check('ref-prociono-orbit-6.png', 'Orbit 6', 'ref-prociono-orbit-5-old.png');
    expect(right.verdict).toMatchObject({ status: 'right', read: 'Orbit 6' });
  });

  it("confirms an l inside a word of letters by the old text's l, and never a 1 drawn there", async () => {
    // URW Bookman Light 96 px over "Only 7,98 €": the old text shows the l and no 1, and the l's
    // wedge serif made the flag rules unsure (shared/text-check/word-l.ts).
    const right = await check('word-l-bookman-only-799.png', 'Only 7,99 €', 'word-l-bookman-only-798-old.png');
    expect(right.ctx.reference?.glyphs.map((g) => g.text)).toContain('l');
    expect(right.verdict).toMatchObject({ status: 'right', read: 'Only 7,99 €' });
    const wrong = await check('word-l-bookman-on1y-799.png', 'Only 7,99 €', 'word-l-bookman-only-798-old.png');
    expect(wrong.verdict.status).not.toBe('right');
  });
});
