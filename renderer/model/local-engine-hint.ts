/**
 * What to expect from the offline engine for the mask or extension at hand (shown in the Generate
 * panel while the local engine is chosen). The engine continues texture from the photo with patches
 * copied from it (a large extension repeats pieces of its objects); it does not invent objects or
 * text and does not read the prompt. Thresholds come from the fill bench
 * (bench/fill): the engine holds up on holes up to ~25 % of the region around them, and an extension
 * that adds more than the photo's own area is mostly repeated texture.
 */
import { DEFAULT_TEXT_WORDS, textSignal } from '../../shared/routing';
import type { RoutingSettings } from '../../shared/routing/rules';

/** Share of the photo masked from which a cloud model is suggested. */
export const LARGE_HOLE_SHARE = 0.15;
/** Longest mask side, relative to the photo's shorter side, from which a cloud model is suggested. */
export const LARGE_HOLE_SIDE = 0.6;
/**
 * Mean thickness (masked pixels ÷ the length of the mask's box diagonal), relative to the photo's
 * shorter side, up to which a long mask is thin — a wire, a pencil, a scratch — and filled across its
 * thickness, not its span: the engine's own strength, so no cloud model is suggested for it. 0.08
 * called a stroke of the default 60-px brush across a grass blade on ladybird.jpg (960×600, 10 %
 * thick) a "long hole · use a cloud model", and the engine's fill of it looked right (by hand, 2026-12-07).
 */
export const THIN_HOLE = 0.12;
/** New area / original area from which an extension counts as large. */
export const LARGE_EXTENSION = 1;

export interface LocalHintInput {
  canvas: { width: number; height: number };
  original: { width: number; height: number };
  /** Masked pixels (≥ 50 %) and their bounds; null when nothing is masked. */
  hole: { pixels: number; width: number; height: number } | null;
  /**
   * Generate would fill the extension (outpaint). Absent: whenever the canvas is larger than the
   * original — but once the extension is kept, a mask painted on it is an inpaint, and the hint said
   * "extends the photo…, adds 500 %" over it.
   */
  extending?: boolean;
}

export interface LocalHint {
  /** What the engine will do with this mask / extension. */
  expect: string;
  /** Set when the hole or extension is large: the suggestion to use a cloud model. */
  suggestCloud: string | null;
  /**
   * The gist on one line of the panel (up to about 30 characters: it is cut beyond 180 px), the rest
   * folded under it (the whole note, 7 lines and more at 1280×800, was at the panel's end and cut at
   * its fold after an extension).
   */
  short: string;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

const FILLS_MASK =
  'Offline engine: fills the mask by continuing the texture around it — good for removing small objects, blemishes and wires. It does not draw new objects or text, and it does not read the prompt.';

/**
 * Before a mask is painted (the line under the Model list stays while the offline engine is chosen:
 * appearing with the first stroke, it moved the rows below and Layers' under the pointer).
 */
export const LOCAL_HINT_NO_MASK: LocalHint = { short: 'texture only · no new objects', expect: FILLS_MASK, suggestCloud: null };

/** The hint for the current document, or null when there is nothing to fill. */
export function localEngineHint(input: LocalHintInput): LocalHint | null {
  const { canvas, original, hole } = input;
  const extended = input.extending ?? (canvas.width !== original.width || canvas.height !== original.height);
  if (extended) {
    const added = (canvas.width * canvas.height - original.width * original.height) / (original.width * original.height);
    const large = added > LARGE_EXTENSION;
    return {
      short: large ? 'too large · use a cloud model' : 'edge textures · no new objects',
      expect:
        'Offline engine: extends the photo by continuing the textures at its edges (sky, grass, walls, fabric), with patches copied from the photo itself — so pieces of objects in the photo can show up again, cut off. It does not continue an object across the edge or add new ones, and it does not read the prompt.',
      suggestCloud: large
        ? `This extension adds ${pct(added)} of the photo's area: most of it would be repeated texture, with copies of what is in the photo. A cloud model (GPT Image, Gemini) can continue the scene.`
        : null,
    };
  }
  if (!hole || hole.pixels === 0) return null;
  const share = hole.pixels / (canvas.width * canvas.height);
  const short = Math.min(canvas.width, canvas.height);
  const side = Math.max(hole.width, hole.height) / short;
  const thin = hole.pixels / Math.hypot(hole.width, hole.height) <= THIN_HOLE * short;
  const large = share > LARGE_HOLE_SHARE;
  const long = !large && side > LARGE_HOLE_SIDE && !thin;
  return {
    short: large ? 'large hole · use a cloud model' : long ? 'long hole · use a cloud model' : 'texture only · no new objects',
    expect: FILLS_MASK,
    // Said by what makes it large: its area, or (a long mask that is not thin) how far it spans. A thin
    // one (a pencil, a wire) is filled across its thickness: it used to get "spans 296×179 px … a cloud
    // model will do better" under the promise "good for removing … wires".
    suggestCloud: large
      ? `This mask covers ${pct(share)} of the photo: a hole this large needs new content, which the offline engine cannot invent. A cloud model (GPT Image, Gemini) will do better.`
      : long
        ? `This mask spans ${hole.width}×${hole.height} px, ${pct(side)} of the photo's shorter side: filling across that needs new content, which the offline engine cannot invent. A cloud model (GPT Image, Gemini) will do better.`
        : null,
  };
}

/** Longest side of a mask's box, relative to the photo's shorter side, up to which it is a spot. */
export const SPOT_SIDE = 0.03;
/** …or up to this many pixels, on a small photo. */
export const SPOT_MIN_PX = 16;

/**
 * Said while a cloud model is chosen and the mask is a spot (a blemish, a speck of dust, a stray
 * stroke): the offline engine removes those as well, free and in about a second. A 2-px mask used
 * to go to a paid model without a word. Null for an extension or a larger mask.
 */
export function spotHint(input: LocalHintInput): string | null {
  const { canvas, original, hole } = input;
  const extended = input.extending ?? (canvas.width !== original.width || canvas.height !== original.height);
  if (extended || !hole || hole.pixels === 0) return null;
  const side = Math.max(hole.width, hole.height);
  if (side > Math.max(SPOT_MIN_PX, SPOT_SIDE * Math.min(canvas.width, canvas.height))) return null;
  return `A spot (${hole.width}×${hole.height} px): the offline engine removes it free, in about a second, unless the prompt asks for something new.`;
}

/**
 * While the offline engine is chosen and the prompt asks for text (quotes, a text word — the
 * default ones and those of the user's text rule — or a non-Latin script, as Auto reads it): the
 * engine cannot write it. It ran such a prompt silently and smeared the sign (hands-on H3).
 */
export function localTextWarning(prompt: string, routing: RoutingSettings | null | undefined, extending: boolean): string | null {
  const ruleWords = (routing?.rules ?? []).flatMap((r) => (r.when.kind === 'text-in-prompt' ? r.when.words : []));
  if (!textSignal(prompt, [...DEFAULT_TEXT_WORDS, ...ruleWords])) return null;
  const does = extending ? 'it continues the textures at the photo’s edges' : 'it continues the texture around the mask';
  return `Offline fill cannot write text: ${does}. Choose GPT Image 2 for text.`;
}
