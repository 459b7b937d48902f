/** The export settings kept in the app's local settings (model/export-prefs.ts parses and checks them). */
import { DEFAULT_EXPORT, parseExportPrefs, type ExportPrefs } from '../model/export-prefs';

const KEY = 'maskwork.export';

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
