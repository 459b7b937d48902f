/** The toast after an export: size, depth, format, where, and what of the original's metadata went with it. */
export function exportedMessage(r: {
  width: number;
  height: number;
  depth?: number;
  format: string;
  path: string;
  keptIcc?: boolean;
  keptExif?: boolean;
}): string {
  const depth = r.depth === 16 ? ' 16-bit' : '';
  const kept = [r.keptIcc ? 'colour profile' : null, r.keptExif ? 'EXIF' : null].filter(Boolean).join(' and ');
  return `Exported ${r.width}×${r.height}${depth} ${r.format.toUpperCase()} to ${r.path}${kept ? ` (${kept} kept)` : ''}.`;
}
