/**
 * A PSD layer's legacy (Pascal) name: the one older readers and scripts show when they do not read
 * the Unicode name ("luni", which keeps the name as typed). The specification gives it as a Pascal
 * string of at most 255 bytes in the system's 8-bit encoding, which a file does not record; printable
 * ASCII reads the same in every such encoding, so the name is written in it: common punctuation by an
 * ASCII look-alike ("·" → "-", "–" → "-", "’" → "'", "…" → "..."), letters without their accents
 * ("é" → "e"), anything else "?". The renderer names layers "prompt · model": the "·" became "?".
 */

/** Punctuation and symbols Maskwork's names and people's prompts use, by the ASCII they look like. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '\u00b7': '-', // middle dot
  '\u2022': '-', // bullet
  '\u2027': '-', // hyphenation point
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2212': '-', // minus
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2039': "'",
  '\u203a': "'",
  '\u2026': '...',
  '\u00d7': 'x',
  '\u00a0': ' ', // no-break space
  '\u2009': ' ', // thin space
  '\u202f': ' ', // narrow no-break space
  '\u00df': 'ss',
  '\u00e6': 'ae',
  '\u00c6': 'AE',
  '\u0153': 'oe',
  '\u0152': 'OE',
  '\u00f8': 'o',
  '\u00d8': 'O',
  '\u2192': '->',
  '\u2190': '<-',
};

/** The name in printable ASCII, at most 255 characters (bytes). */
export function legacyLayerName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (out.length >= 255) break;
    if (ch >= ' ' && ch <= '~') out += ch;
    else if (LOOK_ALIKES[ch] !== undefined) out += LOOK_ALIKES[ch];
    else {
      // A letter with accents: the letter ("é" → "e", "ñ" → "n").
      const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += bare.length === 1 && bare >= ' ' && bare <= '~' ? bare : '?';
    }
  }
  return out.slice(0, 255);
}
