/**
 * Which writing systems a text uses, and whether the installed OCR data can read it. Maskwork ships
 * English data only (Latin letters, digits, punctuation), so any other script is reported by name.
 */

const SCRIPTS: [string, RegExp][] = [
  ['Japanese', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Korean', /\p{Script=Hangul}/u],
  ['Chinese', /\p{Script=Han}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
];

/** Characters the English data reads: printable ASCII, typographic quotes and a few common signs. */
const READABLE = /^[\x20-\x7e\u2018\u2019\u201c\u201d\u2013\u2014\u20ac\u00a3\u00a5\u00a9\u00ae\u2122\u00b0\s]*$/;

/** null when the text can be checked; otherwise the name of the first script that cannot be. */
export function uncheckableScript(text: string): string | null {
  if (READABLE.test(text)) return null;
  for (const [name, re] of SCRIPTS) if (re.test(text)) return name;
  if (/\p{Script=Latin}/u.test(text)) return 'accented Latin';
  return 'this script';
}
