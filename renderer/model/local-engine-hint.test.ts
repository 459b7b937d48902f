import { describe, expect, it } from 'vitest';
import { LOCAL_HINT_NO_MASK, localEngineHint, localTextWarning, spotHint } from './local-engine-hint';

const photo = { width: 1000, height: 800 };

describe('localEngineHint', () => {
  it('says nothing without a mask or an extension', () => {
    expect(localEngineHint({ canvas: photo, original: photo, hole: null })).toBeNull();
    expect(localEngineHint({ canvas: photo, original: photo, hole: { pixels: 0, width: 0, height: 0 } })).toBeNull();
  });

  it('promises texture continuation, not objects or text, for a small hole, and suggests no cloud model', () => {
    const h = localEngineHint({ canvas: photo, original: photo, hole: { pixels: 40 * 200, width: 200, height: 40 } })!;
    expect(h.expect).toMatch(/continuing the texture/);
    expect(h.expect).toMatch(/does not draw new objects or text/);
    expect(h.suggestCloud).toBeNull();
  });

  it('suggests a cloud model for a large hole (share or size)', () => {
    const big = localEngineHint({ canvas: photo, original: photo, hole: { pixels: 0.3 * 800000, width: 600, height: 400 } })!;
    expect(big.suggestCloud).toMatch(/covers 30 % of the photo.*cloud model/);
    const long = localEngineHint({ canvas: photo, original: photo, hole: { pixels: 700 * 120, width: 700, height: 120 } })!;
    // Said by its span, not its area (a long mask's "covers 11 %" read as a contradiction; specks gave "0 %").
    expect(long.suggestCloud).toMatch(/^This mask spans 700×120 px, 88 % of the photo's shorter side:.*cloud model/);
    expect(long.suggestCloud).not.toMatch(/covers/);
  });

  it('suggests no cloud model for a long thin mask (a wire, a pencil): it is filled across its thickness', () => {
    // A 30-px wire across 88 % of the photo, and a diagonal pencil (desk-stuff.jpg, 640×480: 296×179 px box).
    const wire = localEngineHint({ canvas: photo, original: photo, hole: { pixels: 700 * 30, width: 700, height: 30 } })!;
    expect(wire.suggestCloud).toBeNull();
    const desk = { width: 640, height: 480 };
    const pencil = localEngineHint({ canvas: desk, original: desk, hole: { pixels: 346 * 30, width: 296, height: 179 } })!;
    expect(pencil.suggestCloud).toBeNull();
    expect(pencil.expect).toMatch(/wires/);
    // The default 60-px brush across a grass blade on ladybird.jpg (960×600): 62 px thick, 10 % of the short side.
    const lady = { width: 960, height: 600 };
    const blade = localEngineHint({ canvas: lady, original: lady, hole: { pixels: 427 * 62, width: 366, height: 220 } })!;
    expect(blade.suggestCloud).toBeNull();
    expect(blade.short).toBe('texture only · no new objects');
    // Thicker than 12 % of the shorter side along its length: not thin.
    const bar = localEngineHint({ canvas: desk, original: desk, hole: { pixels: 346 * 70, width: 296, height: 179 } })!;
    expect(bar.suggestCloud).toMatch(/^This mask spans 296×179 px/);
  });

  it('talks about the extension when the canvas is larger, and flags large ones', () => {
    const small = localEngineHint({ canvas: { width: 1400, height: 800 }, original: photo, hole: null })!;
    expect(small.expect).toMatch(/extends the photo by continuing the textures/);
    // Honest about the copies: an 8:1 desk extension repeated its lighters and coins, cut off.
    expect(small.expect).toMatch(/pieces of objects in the photo can show up again, cut off/);
    expect(small.suggestCloud).toBeNull();
    const wide = localEngineHint({ canvas: { width: 8 * 800, height: 800 }, original: photo, hole: null })!;
    expect(wide.suggestCloud).toMatch(/adds 540 % of the photo's area.*copies of what is in the photo.*cloud model/);
    // The extension kept, a mask painted on the wider canvas is an inpaint: the mask's hint, not the extension's.
    const after = localEngineHint({
      canvas: { width: 8 * 800, height: 800 },
      original: photo,
      hole: { pixels: 40 * 200, width: 200, height: 40 },
      extending: false,
    })!;
    expect(after.expect).toMatch(/fills the mask/);
    expect(after.suggestCloud).toBeNull();
  });

  it('says its gist in a line short enough for the panel, the cloud suggestion there too', () => {
    const desk = { width: 640, height: 480 };
    const cases = [
      [
        localEngineHint({ canvas: photo, original: photo, hole: { pixels: 40 * 200, width: 200, height: 40 } }),
        'texture only · no new objects',
      ],
      [
        localEngineHint({ canvas: photo, original: photo, hole: { pixels: 0.3 * 800000, width: 600, height: 400 } }),
        'large hole · use a cloud model',
      ],
      [
        localEngineHint({ canvas: desk, original: desk, hole: { pixels: 346 * 70, width: 296, height: 179 } }),
        'long hole · use a cloud model',
      ],
      [localEngineHint({ canvas: { width: 1400, height: 800 }, original: photo, hole: null }), 'edge textures · no new objects'],
      [localEngineHint({ canvas: { width: 8 * 800, height: 800 }, original: photo, hole: null }), 'too large · use a cloud model'],
      [LOCAL_HINT_NO_MASK, 'texture only · no new objects'],
    ] as const;
    for (const [hint, short] of cases) {
      expect(hint!.short).toBe(short);
      // About 180 px at 11 px beside "▸ Expect" in a 1280-px window's side column (cut with … beyond).
      expect(hint!.short.length).toBeLessThanOrEqual(30);
    }
    expect(LOCAL_HINT_NO_MASK.suggestCloud).toBeNull();
  });
});

describe('spotHint (a cloud model chosen)', () => {
  const big = { width: 6000, height: 4000 };
  it('names a spot and says the offline engine removes it free', () => {
    expect(spotHint({ canvas: big, original: big, hole: { pixels: 4, width: 2, height: 2 } })).toMatch(
      /^A spot \(2×2 px\): the offline engine removes it free, in about a second, unless the prompt asks for something new\.$/,
    );
    // Up to 3 % of the shorter side: 120 px on a 6000×4000 photo; 16 px on a small one.
    expect(spotHint({ canvas: big, original: big, hole: { pixels: 9000, width: 120, height: 90 } })).not.toBeNull();
    expect(spotHint({ canvas: big, original: big, hole: { pixels: 9000, width: 121, height: 90 } })).toBeNull();
    const small = { width: 400, height: 300 };
    expect(spotHint({ canvas: small, original: small, hole: { pixels: 200, width: 16, height: 14 } })).not.toBeNull();
    expect(spotHint({ canvas: small, original: small, hole: { pixels: 200, width: 17, height: 14 } })).toBeNull();
  });
  it('says nothing with no mask, or for an extension', () => {
    expect(spotHint({ canvas: big, original: big, hole: null })).toBeNull();
    expect(spotHint({ canvas: big, original: big, hole: { pixels: 4, width: 2, height: 2 }, extending: true })).toBeNull();
  });
});

describe('localTextWarning', () => {
  const routing = {
    defaultModel: 'local',
    rules: [{ id: 't', enabled: true, when: { kind: 'text-in-prompt' as const, words: ['banner'] }, use: 'gpt-image-2' }],
  };
  it("warns for a prompt that asks for text (quotes, a text word, the user's own word, a non-Latin script)", () => {
    const said = 'Offline fill cannot write text: it continues the texture around the mask. Choose GPT Image 2 for text.';
    expect(localTextWarning('change the text to "SALE 20%"', null, false)).toBe(said);
    expect(localTextWarning('add a logo', null, false)).toBe(said);
    expect(localTextWarning('a banner over the door', routing, false)).toBe(said);
    expect(localTextWarning('写真', null, false)).toBe(said);
    expect(localTextWarning('a sign that says "OPEN"', null, true)).toBe(
      'Offline fill cannot write text: it continues the textures at the photo’s edges. Choose GPT Image 2 for text.',
    );
  });
  it('says nothing for a removal or an empty prompt', () => {
    expect(localTextWarning('remove the scratch', null, false)).toBeNull();
    expect(localTextWarning('', null, false)).toBeNull();
    expect(localTextWarning('a banner over the door', null, false)).toBeNull();
  });
});
