/**
 * The user's app settings kept by main (`prefs.json` in the settings folder; memory only without
 * one): Auto's routing rules, learned latencies, prompt history and presets. Every change is
 * written atomically (temp file + rename), one at a time. A file that cannot be read is set aside
 * as `prefs.json.unreadable-<time>` before the first write replaces it, so nothing is silently lost.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';
import { type AppPrefs, DEFAULT_PREFS, parseAppPrefs } from '../../../shared/prefs/app-prefs';
import { parsePresets, recordPrompt } from '../../../shared/prompts/prompts';
import { addLatencySample, latencyKey } from '../../../shared/routing/latency';
import { parseRoutingSettings } from '../../../shared/routing/rules';
import type { SpendCap } from '../../../shared/prefs/spend-cap';

export class PrefsStore {
  private prefs: AppPrefs = DEFAULT_PREFS;
  private damaged = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string | null) {
    if (!file) return;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // no file yet
    }
    try {
      this.prefs = parseAppPrefs(JSON.parse(text));
    } catch {
      this.damaged = true;
    }
  }

  get(): AppPrefs {
    return this.prefs;
  }

  /** Routing rules from Settings (JSON text); malformed rules are refused with a clear message. */
  setRouting(json: string): AppPrefs {
    const routing = parseRoutingSettings(safeJson(json));
    if (!routing)
      throw new AppError({ kind: 'invalid-request', message: 'These routing rules are not valid; nothing was changed.', rule: 'routing' });
    return this.update({ ...this.prefs, routing });
  }

  setPresets(json: string): AppPrefs {
    const presets = parsePresets(safeJson(json));
    if (!presets)
      throw new AppError({ kind: 'invalid-request', message: 'These prompt presets are not valid; nothing was changed.', rule: 'presets' });
    return this.update({ ...this.prefs, presets });
  }

  /** Settings → Spend cap (validated by the IPC contract: amounts from 0 to MAX_CAP_USD; absent: that limit is off). */
  setSpendCap(cap: SpendCap): AppPrefs {
    const spendCap: SpendCap = {
      ...(cap.dailyUsd !== undefined ? { dailyUsd: cap.dailyUsd } : {}),
      ...(cap.monthlyUsd !== undefined ? { monthlyUsd: cap.monthlyUsd } : {}),
    };
    return this.update({ ...this.prefs, spendCap });
  }

  recordPrompt(prompt: string, docKey: string | null): AppPrefs {
    const history = recordPrompt(this.prefs.history, prompt, docKey);
    return history === this.prefs.history ? this.prefs : this.update({ ...this.prefs, history });
  }

  /** One provider round trip of `modelId` for an output of `size`, in seconds. */
  recordLatency(modelId: string, size: { width: number; height: number }, seconds: number): void {
    const latency = addLatencySample(this.prefs.latency, latencyKey(modelId, size), seconds);
    if (latency !== this.prefs.latency) this.update({ ...this.prefs, latency });
  }

  /** Resolves when every change so far is on disk. */
  flushed(): Promise<void> {
    return this.writing;
  }

  private update(next: AppPrefs): AppPrefs {
    this.prefs = next;
    const file = this.file;
    if (!file) return next;
    const text = JSON.stringify({ version: 1, ...next });
    this.writing = this.writing
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        if (this.damaged) {
          await copyFile(file, `${file}.unreadable-${Date.now()}`).catch(() => undefined);
          this.damaged = false;
        }
        const tmp = `${file}.tmp`;
        await writeFile(tmp, text);
        await rename(tmp, file);
      })
      .catch(() => {
        // A failed write keeps the prefs in memory; the next change tries again.
      });
    return next;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
