/**
 * The prompt box belongs to the photo it was written for. Another photo starts with an empty prompt,
 * no Text and no preset, as each Generative Fill does in Photoshop (the last photo's prompt went on
 * to the next one: its quoted text became the next photo's text check, its words the names of the
 * layers kept there, and an outpaint of the next photo was sent "a clean saucer surface, no spoon"
 * instead of the extension's own prompt — found by hand). Going back to a photo (undo, History)
 * brings back what its prompt box held. Sent prompts stay under Recent… for every photo.
 */
import type { GenSettings } from './store/jobs-slice';

type PromptFields = Pick<GenSettings, 'prompt' | 'presetId' | 'references'> & { text: string };
/** Prompt boxes remembered for the photos undo can reach (the history holds at most 100 steps). */
const REMEMBERED = 40;

const EMPTY: PromptFields = { prompt: '', presetId: null, references: [], text: '' };

export interface PromptPerPhoto {
  /** The document changed from `from` to `to`: what `gen` must become, or null when nothing changes. */
  switchTo(from: string | undefined, to: string | undefined, gen: GenSettings): Partial<GenSettings> | null;
}

export function createPromptPerPhoto(): PromptPerPhoto {
  const kept = new Map<string, PromptFields>();
  return {
    switchTo(from, to, gen) {
      if (from === to || !to) return null;
      if (from) {
        kept.delete(from);
        kept.set(from, { prompt: gen.prompt, presetId: gen.presetId, references: gen.references, text: gen.textCheck.text });
        while (kept.size > REMEMBERED) kept.delete(kept.keys().next().value as string);
      } else return null; // the first photo: what was typed before it opened is for it
      const next = kept.get(to) ?? EMPTY;
      const { text, ...rest } = next;
      return { ...rest, textCheck: { ...gen.textCheck, text } };
    },
  };
}
