/**
 * What is wrong with a file libvips could not decode, in a retoucher's words, and what to try. The
 * decoder's own text ("VipsJpeg: Corrupt JPEG data: premature end of data segment") is never shown:
 * it named the library, not the problem.
 */

/** Where a damaged file can come from whole again. */
export const FETCH_AGAIN =
  'Copy it again from where it came from (the camera card, a backup, the original download), or open it in another program and save a new copy.';

/** The decoder's message, first line only, without sharp's "Input buffer has corrupt header: " lead. */
export function decoderText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].replace(/^Input (buffer|file) (has corrupt header: )?/, '');
}

/** The file stops before its end: the decoder ran out of data rather than read wrong data. */
export function isCutShort(e: unknown): boolean {
  const t = decoderText(e);
  return /premature end|unexpected end|truncated|end of file/i.test(t) && !/corrupt|invalid|extraneous/i.test(t);
}

/** "the file stops partway through its picture — …?" or "part of its picture data is corrupt." (a whole clause, stopped). */
export function damageClause(e: unknown): string {
  if (isCutShort(e)) return 'the file stops partway through its picture — an interrupted download or copy?';
  if (/read error/i.test(decoderText(e))) return 'its picture data is cut short or corrupt.';
  return 'part of its picture data is corrupt.';
}
