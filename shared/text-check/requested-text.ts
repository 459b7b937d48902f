/**
 * What text the prompt asks for. "change 'V1.0' to 'V2.0'" → new 'V2.0', old 'V1.0'; a single quoted
 * string is the new text; an explicit Text field wins over the prompt. Pure (renderer, main, CLI).
 */

export interface RequestedText {
  /** The text the edited region should show. */
  text: string;
  /** The text it replaces, when the prompt names it ("from 'V1.0'"). */
  old?: string;
}

/** Opening → closing quote pairs recognised in prompts (straight, typographic, guillemets, CJK brackets). */
const PAIRS: [string, string][] = [
  ['"', '"'],
  ["'", "'"],
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
  ['\u201e', '\u201c'],
  ['\u00ab', '\u00bb'],
  ['\u300c', '\u300d'],
  ['\u300e', '\u300f'],
  ['`', '`'],
];

interface Quoted {
  value: string;
  start: number;
}

/** Quoted strings in order. An apostrophe inside a word ("don't") does not open a quote. */
export function quotedStrings(prompt: string): Quoted[] {
  const out: Quoted[] = [];
  let i = 0;
  while (i < prompt.length) {
    const ch = prompt[i];
    const pair = PAIRS.find(([open]) => open === ch);
    const wordBefore = i > 0 && /[\p{L}\p{N}]/u.test(prompt[i - 1]);
    if (pair && !(ch === "'" && wordBefore)) {
      let j = i + 1;
      // A closing apostrophe must not be followed by a letter (it would be "don't"-like).
      while (j < prompt.length && !(prompt[j] === pair[1] && !(pair[1] === "'" && /[\p{L}]/u.test(prompt[j + 1] ?? '')))) j++;
      if (j < prompt.length && j > i + 1) {
        const value = prompt.slice(i + 1, j).trim();
        if (value) out.push({ value, start: i });
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/**
 * The requested text, or null when the prompt asks for none. With two or more quoted strings, the
 * one after "to"/"into"/"with"/"→"/"reads" is the new text and the one after "from"/"replace" the old;
 * otherwise the last quoted string is the new text and the first, if different, the old.
 */
export function requestedText(prompt: string, field?: string): RequestedText | null {
  const quoted = quotedStrings(prompt);
  const explicit = field?.trim();
  if (explicit) {
    const old = quoted.map((q) => q.value).find((v) => v !== explicit);
    return old && quoted.length >= 2 ? { text: explicit, old } : { text: explicit };
  }
  if (!quoted.length) return null;
  if (quoted.length === 1) return { text: quoted[0].value };
  const before = (q: Quoted) => prompt.slice(Math.max(0, q.start - 14), q.start).toLowerCase();
  const isNew = (q: Quoted) => /(\bto|\binto|\bwith|→|->|\breads?|\bsays?|\bshows?)\s*[:]?\s*$/.test(before(q));
  const isOld = (q: Quoted) => /(\bfrom|\breplace|\bchange|\bof)\s*[:]?\s*$/.test(before(q));
  const next = quoted.find(isNew) ?? quoted[quoted.length - 1];
  const old = quoted.find((q) => q !== next && isOld(q)) ?? quoted.find((q) => q !== next);
  return old && old.value !== next.value ? { text: next.value, old: old.value } : { text: next.value };
}
