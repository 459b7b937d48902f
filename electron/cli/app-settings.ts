/**
 * The app's settings folder as the command line finds it: the spend cap set in the app (Settings →
 * Spend cap, `prefs.json`) and its spend ledger (`spend-ledger.json`) hold for `maskwork edit …` too,
 * so a script cannot spend past the cap the retoucher set. `$MASKWORK_SETTINGS_DIR` names the folder;
 * else Electron's own place for the app's data (userData): `$XDG_CONFIG_HOME/Maskwork` (or
 * `~/.config/Maskwork`) on Linux, `~/Library/Application Support/Maskwork` on macOS,
 * `%APPDATA%\Maskwork` on Windows — `maskwork` (the name a development build runs under) when only
 * that one exists. The CLI reads prefs.json and never writes it; it adds its requests to the ledger.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { NO_CAP, parseSpendCap, type SpendCap } from '../../shared/prefs/spend-cap';

/**
 * The app's settings folder for `env` on `platform`; null when the app has never run here (no folder:
 * no cap can have been set, and the CLI makes none — its spend is then counted for the run only).
 */
export function appSettingsDir(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string | null {
  if (env.MASKWORK_SETTINGS_DIR) return env.MASKWORK_SETTINGS_DIR;
  const base =
    platform === 'darwin'
      ? join(home, 'Library', 'Application Support')
      : platform === 'win32'
        ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  const packaged = join(base, 'Maskwork');
  const dev = join(base, 'maskwork');
  return existsSync(packaged) ? packaged : existsSync(dev) ? dev : null;
}

/** The spend cap in the app's prefs.json (off when there is none, or it cannot be read). Read each time: the app may change it. */
export function readSpendCap(dir: string): SpendCap {
  try {
    const prefs = JSON.parse(readFileSync(join(dir, 'prefs.json'), 'utf8')) as { spendCap?: unknown } | null;
    return parseSpendCap(prefs?.spendCap);
  } catch {
    return NO_CAP;
  }
}
