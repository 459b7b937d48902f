/**
 * Auto: which model one Generate (or one batch item, or `maskwork edit --model auto`) goes to, and
 * why, in words. Input: the prompt, the mask / extension geometry, the prompt preset, the routing
 * settings and the models that can be used right now. Output: a model id and a reason. Pure.
 */
import { estimateCost, getModel } from '../models';
import type { ModelSpec, Quality } from '../models';
import { describeSignal, textSignal } from './prompt-signals';
import { CHEAPEST, type RoutingRule, type RoutingSettings } from './rules';
import { formatUsd } from '../money';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface RoutingGeometry {
  /** The canvas being filled when the job fills a canvas extension (outpaint); null for an edit. */
  readonly outpaint: Size | null;
  /** The request size, for pricing "the cheapest" (default 1024×1024). */
  readonly requestSize?: Size;
}

export interface RoutingPreset {
  readonly name: string;
  readonly draft: boolean;
}

export interface RoutingInput {
  readonly prompt: string;
  readonly geometry: RoutingGeometry;
  /** The prompt preset the prompt came from, or null. */
  readonly preset: RoutingPreset | null;
  readonly settings: RoutingSettings;
  /** Models Auto may pick: the usable ones (a key is set, or the offline engine), in display order. */
  readonly models: readonly ModelSpec[];
  /** Quality used to price "the cheapest" (default medium). */
  readonly quality?: Quality;
  /** Price (USD) of this Generate with `spec`, or null when it cannot run it; default: one request at `requestSize`. */
  readonly priceOf?: (spec: ModelSpec) => number | null;
}

export interface RoutingDecision {
  readonly modelId: string;
  readonly modelName: string;
  /** The rule that decided, or null for the default model. */
  readonly ruleId: string | null;
  /** Why, in words: "the prompt asks for text (the quoted text “V2.0”)". */
  readonly reason: string;
  /** Rules that matched but could not be followed ("GPT Image 2 has no key"). */
  readonly skipped: readonly string[];
}

const nameOf = (id: string, models: readonly ModelSpec[]) => models.find((m) => m.id === id)?.name ?? getModel(id)?.name ?? id;

function aspectText(r: number): string {
  return `${Number.isInteger(r) ? r : r.toFixed(1)}:1`;
}

/** Why `rule` applies to `input`, or null when it does not. */
function matchRule(rule: RoutingRule, input: RoutingInput): string | null {
  const c = rule.when;
  switch (c.kind) {
    case 'text-in-prompt': {
      const s = textSignal(input.prompt, c.words);
      return s ? `the prompt asks for text (${describeSignal(s)})` : null;
    }
    case 'outpaint-wider-than': {
      const o = input.geometry.outpaint;
      if (!o || o.width <= 0 || o.height <= 0) return null;
      const r = Math.max(o.width, o.height) / Math.min(o.width, o.height);
      if (r <= c.ratio + 1e-9) return null;
      return `the outpaint is ${aspectText(Math.round(r * 10) / 10)}, ${o.width >= o.height ? 'wider' : 'taller'} than ${c.ratio}:1`;
    }
    case 'draft-preset':
      return input.preset?.draft ? `the draft preset “${input.preset.name}” is used` : null;
  }
}

function defaultPrice(input: RoutingInput): (spec: ModelSpec) => number | null {
  const size = input.geometry.requestSize ?? { width: 1024, height: 1024 };
  return (spec) => {
    try {
      return estimateCost({ modelId: spec, width: size.width, height: size.height, quality: input.quality ?? 'medium', n: 1 }).usd;
    } catch {
      return null;
    }
  };
}

/** The usable cloud model with the lowest price (ties: the earlier one); the offline engine ignores prompts, so it is not a draft model. */
function cheapest(input: RoutingInput): { spec: ModelSpec; usd: number } | null {
  const price = input.priceOf ?? defaultPrice(input);
  let best: { spec: ModelSpec; usd: number } | null = null;
  for (const spec of input.models) {
    if (spec.provider === 'local' || spec.status !== 'active') continue;
    const usd = price(spec);
    if (usd === null || !Number.isFinite(usd)) continue;
    if (!best || usd < best.usd) best = { spec, usd };
  }
  return best;
}

const usd = formatUsd;

/**
 * Picks the model for one Generate. Rules are tried in order; a matching rule whose model is not
 * usable is recorded in `skipped` and the next rule is tried. With no rule deciding, the default
 * model is returned even when it is not usable (the panel then asks for its key).
 */
export function routeModel(input: RoutingInput): RoutingDecision {
  const skipped: string[] = [];
  for (const rule of input.settings.rules) {
    if (!rule.enabled) continue;
    const why = matchRule(rule, input);
    if (!why) continue;
    if (rule.use === CHEAPEST) {
      const best = cheapest(input);
      if (!best) {
        skipped.push(`${why}, but no cloud model is usable`);
        continue;
      }
      return {
        modelId: best.spec.id,
        modelName: best.spec.name,
        ruleId: rule.id,
        reason: `${why}: the cheapest usable model (${usd(best.usd)} a request)`,
        skipped,
      };
    }
    const spec = input.models.find((m) => m.id === rule.use);
    if (!spec) {
      skipped.push(`${why}, but ${nameOf(rule.use, input.models)} cannot be used (no key)`);
      continue;
    }
    return { modelId: spec.id, modelName: spec.name, ruleId: rule.id, reason: why, skipped };
  }
  const id = input.settings.defaultModel;
  return {
    modelId: id,
    modelName: nameOf(id, input.models),
    ruleId: null,
    reason: 'no rule applies: your default model',
    skipped,
  };
}

/** One line for the panel and the CLI: "GPT Image 2 — the prompt asks for text (the word “logo”)". */
export function formatDecision(d: RoutingDecision): string {
  const skipped = d.skipped.length ? ` (skipped: ${d.skipped.join('; ')})` : '';
  return `${d.modelName} — ${d.reason}${skipped}`;
}
