/**
 * How a CMYK original was turned into the RGB Maskwork edits, in words for the open and export
 * messages. A file without an embedded profile is converted with libvips' generic CMYK profile: the
 * messages said "with the file's own colour profile" for it too.
 */
export function cmykConversion(hasIcc: boolean): string {
  return hasIcc
    ? "converted with the file's own colour profile"
    : 'converted with a generic CMYK profile, as the file has none (its colours may differ from what it was made for)';
}
