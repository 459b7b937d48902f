/** The export settings kept in the app's local settings (model/export-prefs.ts parses and checks them). */
import { DEFAULT_EXPORT, formatOfOriginal, parseExportPrefs, type ExportPrefs } from '../model/export-prefs';
import { useEditor } from './store/store';

const KEY = 'maskwork.export';

/** The remembered settings; with no format chosen yet, the open original's format. */
export function loadExportPrefs(): ExportPrefs {
  const format = formatOfOriginal(useEditor.getState().doc?.original.name);
  try {
    return parseExportPrefs(localStorage.getItem(KEY), format);
  } catch {
    return { ...DEFAULT_EXPORT, format };
  }
}

export function saveExportPrefs(p: ExportPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage unavailable: the choice holds for this export only.
  }
}
