/**
 * A preset's blank left in the prompt. "Change text to …" puts `Change the text to "…", keeping the
 * font…` in the box for the retoucher to fill in; sent as it was, the request went out and was
 * charged for a model to write an ellipsis, and the text check could only say "not checked".
 */

/** A quoted ellipsis ("…", “...”, '…'), the blank of a preset. */
const BLANK = /["“”'‘’«»]\s*(?:…|\.\.\.)\s*["“”'‘’«»]/;

/** Why Generate waits (the blank is still in the prompt), or null. */
export function placeholderBlocker(prompt: string): string | null {
  return BLANK.test(prompt) ? 'Type the text you want in place of “…” in the prompt' : null;
}

/** Where the blank's ellipsis is in `prompt` (inside its quotes), or null: the caret goes there. */
export function blankRange(prompt: string): { start: number; end: number } | null {
  const m = BLANK.exec(prompt);
  if (!m) return null;
  const dots = /…|\.\.\./.exec(m[0]);
  if (!dots) return null;
  const start = m.index + dots.index;
  return { start, end: start + dots[0].length };
}
