/**
 * A Generate that asks several models at once: which models with how many candidates, one price for
 * all, the longest expected time, and what blocks it. Pure: estimates come in, nothing is sent.
 */
import type { ExpectedTime, ModelSpec } from '../../shared/models';
import type { MultiEntryState } from './job-state';
import { getModel } from '../../shared/models';
import { billerOf, chargeClause, withCharge } from './charge-words';
import { withArticle } from './model-options';
import { formatUsd } from '../../shared/money';

export interface MultiRow {
  value: string;
  spec: ModelSpec;
  usable: boolean;
  n: number;
  /**
   * The estimate of this model's request (or why it cannot run; `shared`: the reason is the same for
   * every model — no photo, no mask — and is said once, beside Generate, not in each row).
   */
  estimate: { ok: true; usd: number; approximate: boolean; areas?: number } | { ok: false; error: string; shared?: boolean };
  expected: ExpectedTime | null;
}

export interface MultiTotal {
  models: number;
  candidates: number;
  usd: number;
  approximate: boolean;
  /** The slowest model's usual time (they run side by side). */
  expected: ExpectedTime | null;
  /** The most areas a chosen model's edit is split into (1: one region each). */
  areas: number;
}

/** The rows with a count > 0. */
export function chosenRows(rows: readonly MultiRow[]): MultiRow[] {
  return rows.filter((r) => r.n > 0);
}

export function multiTotal(rows: readonly MultiRow[]): MultiTotal {
  const chosen = chosenRows(rows);
  let usd = 0;
  let approximate = false;
  let expected: ExpectedTime | null = null;
  let areas = 1;
  for (const r of chosen) {
    if (r.estimate.ok) {
      usd += r.estimate.usd;
      approximate ||= r.estimate.approximate;
      areas = Math.max(areas, r.estimate.areas ?? 1);
    }
    if (r.expected && (!expected || r.expected.high > expected.high)) expected = r.expected;
  }
  return {
    models: chosen.length,
    candidates: chosen.reduce((t, r) => t + r.n, 0),
    usd: Math.round(usd * 1e6) / 1e6,
    approximate,
    expected,
    areas,
  };
}

/**
 * The reason no counted model can be priced when it is the same for all (no photo, no mask): the rows
 * and the total then show no price, and Generate's footer says why once. (Inside a row it squeezed the
 * model's name to one word per line.)
 */
export function sharedRowError(rows: readonly MultiRow[]): string | null {
  for (const r of chosenRows(rows)) if (!r.estimate.ok && r.estimate.shared) return r.estimate.error;
  return null;
}

/** Why the several-models Generate cannot run, or null (an empty prompt is sent as main's REMOVE_PROMPT). */
export function multiBlocker(rows: readonly MultiRow[], keyLabel: (spec: ModelSpec) => string): string | null {
  const chosen = chosenRows(rows);
  if (!chosen.length) return 'Choose at least one model and how many candidates';
  for (const r of chosen) {
    if (!r.usable) return `Set ${withArticle(keyLabel(r.spec))} key in Settings (⚙) or set ${r.spec.name} to 0`;
    if (!r.estimate.ok) return `${r.spec.name}: ${r.estimate.error}`;
  }
  return null;
}

/**
 * "Done in 4.2 s · 2 candidates · $0.106", "Waiting…", "Failed: …", "Cancelled. 1 request was sent
 * and may be charged by Google (≈ $0.07, counted in today's spend)." or "Cancelled. Nothing was
 * charged." (sentence case, as the rest of the UI; the charge in a single job's words).
 */
export function entryStatus(e: MultiEntryState): string {
  switch (e.state) {
    case 'starting':
      return 'Starting…';
    case 'running':
      return e.fraction > 0 ? `Working… ${Math.round(e.fraction * 100)} %` : 'Waiting…';
    case 'done':
      return `Done in ${(e.seconds ?? 0).toFixed(1)} s · ${e.received ?? 0} candidate${e.received === 1 ? '' : 's'} · ${formatUsd(e.costUsd ?? 0)}`;
    case 'failed':
      return `Failed: ${e.error ?? 'unknown error'}`;
    case 'cancelled': {
      return withCharge('Cancelled', chargeClause(e.spentUsd, e.spentRequests, billerOf(getModel(e.model))));
    }
  }
}

/**
 * The lines of a several-models run still worth showing: a model still working; a failure (until the
 * user dismisses it, whatever happens meanwhile); a finished model while its candidates are staged on
 * the photo it ran on (keeping or discarding them, or opening another photo, ends it); a cancelled one
 * only next to such lines. A finished model's line belongs to "Several models at once": with the
 * box off (`multiOn` false) only work in progress and failures show. A refine ("Refine with…",
 * `lineage`) shows only while it works or when it failed: its result is in the strip, labelled
 * "Refined from …", and a "Done" line under "Several models" said nothing that applied.
 */
export function shownEntries(
  run: { docId: string; entries: readonly MultiEntryState[]; lineage?: readonly unknown[] } | null,
  view: { docId: string | null; stagedJobIds: ReadonlySet<string>; multiOn?: boolean },
): MultiEntryState[] {
  if (!run) return [];
  if (run.lineage || view.multiOn === false)
    return run.entries.filter((e) => e.state === 'starting' || e.state === 'running' || e.state === 'failed');
  const here = run.docId === view.docId;
  const live = (e: MultiEntryState) =>
    e.state === 'starting' || e.state === 'running' || (e.state === 'done' && here && !!e.jobId && view.stagedJobIds.has(e.jobId));
  const anyLive = run.entries.some(live);
  return run.entries.filter((e) => live(e) || e.state === 'failed' || (e.state === 'cancelled' && here && anyLive));
}

export function runActive(entries: readonly MultiEntryState[] | undefined): boolean {
  return !!entries?.some((e) => e.state === 'starting' || e.state === 'running');
}

/**
 * What a several-models run says once its last model stopped, when it was cancelled before any model
 * answered: its cancelled lines show only beside a finished one, so "Cancel all models" ended with
 * every line gone and no word of what the requests already sent may be charged (a single job's
 * cancel says it). Null while a model works, when none was cancelled, or when one finished.
 */
export function cancelledRunMessage(entries: readonly MultiEntryState[]): string | null {
  if (runActive(entries) || entries.some((e) => e.state === 'done')) return null;
  const cancelled = entries.filter((e) => e.state === 'cancelled');
  if (!cancelled.length) return null;
  const byBiller = new Map<string, { usd: number; n: number }>();
  for (const e of cancelled) {
    const biller = billerOf(getModel(e.model));
    if (biller === null) continue; // the offline engine is free
    const t = byBiller.get(biller) ?? { usd: 0, n: 0 };
    byBiller.set(biller, { usd: t.usd + (e.spentUsd ?? 0), n: t.n + (e.spentRequests ?? 0) });
  }
  const said = 'Cancelled — the document is unchanged';
  if (!byBiller.size) return `${said}.`;
  const charged = [...byBiller].filter(([, t]) => t.usd > 0).map(([biller, t]) => chargeClause(t.usd, t.n, biller));
  return `${said}. ${charged.length ? charged.join('; ') : 'Nothing was charged'}.`;
}
