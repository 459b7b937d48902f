/**
 * Does a prompt ask for text or typography? The routing rule "text in the prompt → GPT Image 2"
 * (providers.md §7: GPT-Image-2 renders text, especially CJK and RTL, more reliably) asks this.
 * Three signals, checked in this order: a quoted string (named by the text the text check reads as asked for),
 * one of the rule's words as a whole word (plural allowed), a letter of a non-Latin script.
 * Pure: no I/O.
 */
import { requestedText } from '../text-check/requested-text';
import { uncheckableScript } from '../text-check/scripts';

/** Why a prompt counts as asking for text, or null when it does not. */
export type TextSignal =
  | { readonly kind: 'quote'; readonly text: string }
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'script'; readonly script: string };

/** The words of the default rule (the user can change them in Settings). */
export const DEFAULT_TEXT_WORDS: readonly string[] = ['text', 'label', 'font', 'logo', 'typography', 'lettering', 'caption', 'headline'];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first letter of a script other than Latin, named ("Japanese", "Arabic", …), or null. */
export function nonLatinScript(prompt: string): string | null {
  for (const ch of prompt) {
    if (/\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch)) return uncheckableScript(ch) ?? 'a non-Latin script';
  }
  return null;
}

/**
 * The first sign that `prompt` asks for text: quotes, then `words` (case-insensitive whole words,
 * with an optional plural "s"/"es"), then a non-Latin script. Empty words are ignored.
 */
export function textSignal(prompt: string, words: readonly string[] = DEFAULT_TEXT_WORDS): TextSignal | null {
  // The text asked for ("change 'V1.0' to 'V2.0'" → V2.0), as the text check reads it, not the first quote.
  const asked = requestedText(prompt);
  if (asked) return { kind: 'quote', text: asked.text };
  for (const raw of words) {
    const word = raw.trim();
    if (!word) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?:s|es)?(?![\\p{L}\\p{N}])`, 'iu');
    if (re.test(prompt)) return { kind: 'word', word: word.toLowerCase() };
  }
  const script = nonLatinScript(prompt);
  return script ? { kind: 'script', script } : null;
}

/** "the quoted text “V2.0”", "the word “logo”", "Japanese script". */
export function describeSignal(s: TextSignal): string {
  switch (s.kind) {
    case 'quote':
      return `the quoted text “${s.text.length > 24 ? `${s.text.slice(0, 23)}…` : s.text}”`;
    case 'word':
      return `the word “${s.word}”`;
    case 'script':
      return `${s.script} script`;
  }
}
