/**
 * The export settings (format, JPEG/WebP quality, TIFF compression, whether prompts go into the
 * file's edit record), remembered in the app's local settings so the next export (and Ctrl/⌘ Shift Alt S)
 * uses them again. Bad stored values fall back to the defaults (no prompts; the format of the
 * original's file — JPEG for a JPEG, as Photoshop's Save As offers — or PNG).
 * Reading and writing the stored value is in commands/export-prefs-storage.ts.
 */
import type { ExportFormat, ExportOptions } from '../model/export-request';

export type { ExportFormat };

export interface ExportPrefs {
  format: ExportFormat;
  /** 1..100 for JPEG and WebP (WebP 100 = lossless); PNG, TIFF and PSD ignore it. */
  quality: number;
  tiffCompression: 'deflate' | 'lzw';
  /** Off by default: prompts can be private. */
  includePrompts: boolean;
  /** JPEG from a JPEG original: keep its compressed data where nothing was edited (on by default). */
  jpegKeepOriginal: boolean;
}

export const DEFAULT_EXPORT: ExportPrefs = {
  format: 'png',
  quality: 92,
  tiffCompression: 'deflate',
  includePrompts: false,
  jpegKeepOriginal: true,
};
const FORMATS: readonly string[] = ['png', 'jpeg', 'webp', 'tiff', 'psd'];

/** The format an export starts with when none was chosen yet: the original's own (by its file name), else PNG. */
export function formatOfOriginal(name: string | undefined): ExportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  if (ext === 'tif' || ext === 'tiff') return 'tiff';
  if (ext === 'webp') return 'webp';
  if (ext === 'psd') return 'psd';
  return 'png';
}

/** Parses stored text; anything unexpected gives the defaults (`format`: the format when none was stored). */
export function parseExportPrefs(text: string | null, format0: ExportFormat = DEFAULT_EXPORT.format): ExportPrefs {
  try {
    const v = JSON.parse(text ?? '') as Partial<ExportPrefs>;
    const format = typeof v.format === 'string' && FORMATS.includes(v.format) ? v.format : format0;
    const q = Number(v.quality);
    const quality = Number.isFinite(q) ? Math.min(100, Math.max(1, Math.round(q))) : DEFAULT_EXPORT.quality;
    const tiffCompression = v.tiffCompression === 'lzw' ? 'lzw' : 'deflate';
    return { format, quality, tiffCompression, includePrompts: v.includePrompts === true, jpegKeepOriginal: v.jpegKeepOriginal !== false };
  } catch {
    return { ...DEFAULT_EXPORT, format: format0 };
  }
}

/** The quality sent with the request: only for JPEG and WebP. */
export function qualityFor(p: ExportPrefs): number | undefined {
  return p.format === 'jpeg' || p.format === 'webp' ? p.quality : undefined;
}

export function exportOptionsFor(p: ExportPrefs): ExportOptions {
  return { tiffCompression: p.tiffCompression, includePrompts: p.includePrompts, jpegKeepOriginal: p.jpegKeepOriginal };
}
