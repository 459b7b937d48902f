/**
 * The rules behind the model choice "Auto": plain data the user reads and changes in Settings,
 * stored by main (settings folder) and used by the app's Generate, the batch queue and the CLI
 * (`--model auto`). Rules are tried top to bottom; the first one that matches and whose model is
 * usable decides; otherwise the user's default model. Pure: no I/O.
 */
import { DEFAULT_TEXT_WORDS } from './prompt-signals';

/** When a rule applies. */
export type RuleCondition =
  /** The prompt asks for text: quotes, one of `words`, or a non-Latin script. */
  | { readonly kind: 'text-in-prompt'; readonly words: readonly string[] }
  /** The job fills a canvas extension whose long side is more than `ratio` × its short side. */
  | { readonly kind: 'outpaint-wider-than'; readonly ratio: number }
  /** The prompt preset in use is marked as a draft. */
  | { readonly kind: 'draft-preset' };

/** A catalog (or gateway) model id, or `'cheapest'`: the usable cloud model with the lowest estimate. */
export type RuleTarget = string;
export const CHEAPEST = 'cheapest';

export interface RoutingRule {
  /** Stable id (`text`, `wide-outpaint`, `draft`); reported with each decision. */
  readonly id: string;
  readonly enabled: boolean;
  readonly when: RuleCondition;
  readonly use: RuleTarget;
}

export interface RoutingSettings {
  /** Tried in order. */
  readonly rules: readonly RoutingRule[];
  /** Used when no rule decides. */
  readonly defaultModel: string;
}

/** The defaults, from the models' strengths (providers.md §7). */
export const DEFAULT_ROUTING: RoutingSettings = {
  rules: [
    { id: 'text', enabled: true, when: { kind: 'text-in-prompt', words: DEFAULT_TEXT_WORDS }, use: 'gpt-image-2' },
    { id: 'wide-outpaint', enabled: true, when: { kind: 'outpaint-wider-than', ratio: 3 }, use: 'gemini-3.1-flash-image' },
    { id: 'draft', enabled: true, when: { kind: 'draft-preset' }, use: CHEAPEST },
  ],
  defaultModel: 'gpt-image-2',
};

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;

function conditionOf(x: unknown): RuleCondition | null {
  if (!isObj(x)) return null;
  if (x.kind === 'text-in-prompt') {
    if (!Array.isArray(x.words) || x.words.length > 100) return null;
    const words = x.words.filter((w): w is string => typeof w === 'string' && w.trim().length > 0 && w.length <= 60);
    return { kind: 'text-in-prompt', words: words.map((w) => w.trim()) };
  }
  if (x.kind === 'outpaint-wider-than') {
    const r = x.ratio;
    return typeof r === 'number' && Number.isFinite(r) && r >= 1 && r <= 100 ? { kind: 'outpaint-wider-than', ratio: r } : null;
  }
  if (x.kind === 'draft-preset') return { kind: 'draft-preset' };
  return null;
}

/**
 * Routing settings read from disk or IPC → valid settings, or null when the shape is wrong
 * (the caller keeps the defaults and says so). Unknown rule kinds make the whole value invalid:
 * silently dropping a rule would change what Auto picks.
 */
export function parseRoutingSettings(x: unknown): RoutingSettings | null {
  if (!isObj(x) || !Array.isArray(x.rules) || x.rules.length > 50 || !isId(x.defaultModel)) return null;
  const rules: RoutingRule[] = [];
  const ids = new Set<string>();
  for (const r of x.rules) {
    if (!isObj(r) || !isId(r.id) || typeof r.enabled !== 'boolean' || !isId(r.use) || ids.has(r.id)) return null;
    const when = conditionOf(r.when);
    if (!when) return null;
    ids.add(r.id);
    rules.push({ id: r.id, enabled: r.enabled, when, use: r.use });
  }
  return { rules, defaultModel: x.defaultModel };
}

/** The condition in words, for Settings and reasons: "the prompt asks for text (quotes, …)". */
export function describeCondition(c: RuleCondition): string {
  switch (c.kind) {
    case 'text-in-prompt':
      return `the prompt asks for text (quotes, a non-Latin script${c.words.length ? `, or the words ${c.words.join(', ')}` : ''})`;
    case 'outpaint-wider-than':
      return `an outpaint is wider (or taller) than ${c.ratio}:1`;
    case 'draft-preset':
      return 'a draft preset is used';
  }
}

/** "If the prompt asks for text (…), use GPT Image 2." */
export function describeRule(rule: RoutingRule, nameOf: (id: string) => string): string {
  const target = rule.use === CHEAPEST ? 'the cheapest usable model' : nameOf(rule.use);
  return `If ${describeCondition(rule.when)}, use ${target}.`;
}
