/**
 * The app's own settings that main keeps for the user across documents (`prefs.json` in the
 * settings folder): the Auto routing rules, the learned latencies, prompt history and presets, the spend cap.
 * Pure types and validation; main reads and writes the file.
 */
import { DEFAULT_PRESETS, EMPTY_HISTORY, parseHistory, parsePresets, type PromptHistory, type PromptPreset } from '../prompts/prompts';
import { type LatencyTable, parseLatencyTable } from '../routing/latency';
import { DEFAULT_ROUTING, parseRoutingSettings, type RoutingSettings } from '../routing/rules';
import { NO_CAP, parseSpendCap, type SpendCap } from './spend-cap';

export interface AppPrefs {
  readonly routing: RoutingSettings;
  readonly latency: LatencyTable;
  readonly history: PromptHistory;
  readonly presets: readonly PromptPreset[];
  /** Settings → Spend cap (off by default; main refuses a paid request above it). */
  readonly spendCap: SpendCap;
}

export const DEFAULT_PREFS: AppPrefs = {
  routing: DEFAULT_ROUTING,
  latency: {},
  history: EMPTY_HISTORY,
  presets: DEFAULT_PRESETS,
  spendCap: NO_CAP,
};

/** A prefs file's content → prefs; each part that is missing or malformed falls back to its default on its own. */
export function parseAppPrefs(x: unknown): AppPrefs {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return DEFAULT_PREFS;
  const o = x as Record<string, unknown>;
  return {
    routing: parseRoutingSettings(o.routing) ?? DEFAULT_ROUTING,
    latency: parseLatencyTable(o.latency),
    history: parseHistory(o.history),
    presets: parsePresets(o.presets) ?? DEFAULT_PRESETS,
    spendCap: parseSpendCap(o.spendCap),
  };
}
