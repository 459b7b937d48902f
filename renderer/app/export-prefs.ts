/**
 * The export settings (format and JPEG/WebP quality), remembered in the app's local settings so the
 * next export (and Ctrl/⌘ Shift S) uses them again. Bad stored values fall back to PNG.
 */
export type ExportFormat = 'png' | 'jpeg' | 'webp';

export interface ExportPrefs {
  format: ExportFormat;
  /** 1..100 for JPEG and WebP (WebP 100 = lossless); PNG ignores it. */
  quality: number;
}

export const DEFAULT_EXPORT: ExportPrefs = { format: 'png', quality: 92 };
const KEY = 'maskwork.export';

/** Parses stored text; anything unexpected gives the defaults. */
export function parseExportPrefs(text: string | null): ExportPrefs {
  try {
    const v = JSON.parse(text ?? '') as Partial<ExportPrefs>;
    const format = v.format === 'jpeg' || v.format === 'webp' || v.format === 'png' ? v.format : DEFAULT_EXPORT.format;
    const q = Number(v.quality);
    const quality = Number.isFinite(q) ? Math.min(100, Math.max(1, Math.round(q))) : DEFAULT_EXPORT.quality;
    return { format, quality };
  } catch {
    return { ...DEFAULT_EXPORT };
  }
}

export function loadExportPrefs(): ExportPrefs {
  try {
    return parseExportPrefs(localStorage.getItem(KEY));
  } catch {
    return { ...DEFAULT_EXPORT };
  }
}

export function saveExportPrefs(p: ExportPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage unavailable: the choice holds for this export only.
  }
}

/** The quality sent with the request: none for PNG. */
export function qualityFor(p: ExportPrefs): number | undefined {
  return p.format === 'png' ? undefined : p.quality;
}
