/** The CLI's model and quality checks (and `--model auto`), made before any file is read or request sent. */
import { getModel, offeredModels, retiredRule, type ModelSpec } from '../../shared/models';
import {
  AUTO_MODEL,
  DEFAULT_ROUTING,
  parseRoutingSettings,
  routeModel,
  type RoutingDecision,
  type RoutingSettings,
} from '../../shared/routing';
import * as v from 'valibot';
import { UsageError } from './args';

export type Quality = 'low' | 'medium' | 'high' | 'auto';

const validIds = () => offeredModels().map((m) => m.id);

/**
 * The names retouchers know Google's models by, accepted wherever a model id is (`--model`,
 * `--models`), case-insensitively; the first Nano Banana names its retired model, which then says
 * what replaced it.
 */
const ALIASES: Readonly<Record<string, string>> = {
  'nano-banana-2': 'gemini-3.1-flash-image',
  'nano-banana-pro': 'gemini-3-pro-image',
  'nano-banana': 'gemini-2.5-flash-image',
};

/** The catalog id for a model name as given: an id as it is, or one of the aliases above. */
export function modelIdOf(given: string): string {
  return ALIASES[given.trim().toLowerCase()] ?? given;
}

/** A required `--model` value, read through the aliases. */
export const modelOption = () => v.pipe(v.string('is required'), v.nonEmpty('needs a value'), v.transform(modelIdOf));

/** The catalog spec of `id`; an unknown or retired id is a usage error that lists the valid ids. */
export function chooseModel(id: string): ModelSpec {
  const spec = getModel(id);
  if (!spec) throw new UsageError(`unknown model “${id}”. Valid models: ${validIds().join(', ')} (or nano-banana-2, nano-banana-pro)`);
  if (spec.status === 'retired') throw new UsageError(`${retiredRule(spec)}. Valid models: ${validIds().join(', ')}`);
  return spec;
}

/**
 * The quality to send, as the app chooses it: the one asked for, else medium; none for models
 * without qualities (asking one of those for a quality is a usage error).
 */
export function qualityFor(spec: ModelSpec, asked: Quality | undefined): Quality | undefined {
  if (!spec.qualities.length) {
    if (asked) throw new UsageError(`--quality does not apply to ${spec.id} (it has no quality setting)`);
    return undefined;
  }
  if (asked && !spec.qualities.includes(asked)) throw new UsageError(`${spec.id} takes --quality ${spec.qualities.join(', ')}`);
  return asked ?? (spec.qualities.includes('medium') ? 'medium' : spec.qualities[0]);
}

/** Catalog models the CLI can use now: the offline engine, and cloud models whose key is in the environment. */
export function usableModels(env: Record<string, string | undefined>): ModelSpec[] {
  return offeredModels().filter(
    (m) => m.provider === 'local' || (m.provider === 'openai' && !!env.OPENAI_API_KEY) || (m.provider === 'gemini' && !!env.GEMINI_API_KEY),
  );
}

/**
 * `--model auto`: the routing rules (the defaults, or a rules file saved from Settings) pick the
 * model for this prompt and geometry. Any other id is checked as usual. The decision is returned so
 * `--json` can report the pick and the reason.
 */
export function chooseModelFor(
  id: string,
  input: {
    prompt: string;
    outpaint: { width: number; height: number } | null;
    quality?: Quality;
    env: Record<string, string | undefined>;
    rules?: RoutingSettings;
  },
): { spec: ModelSpec; auto: RoutingDecision | null } {
  if (id !== AUTO_MODEL) return { spec: chooseModel(id), auto: null };
  const decision = routeModel({
    prompt: input.prompt,
    geometry: { outpaint: input.outpaint },
    preset: null,
    settings: input.rules ?? DEFAULT_ROUTING,
    models: usableModels(input.env),
    quality: input.quality,
  });
  return { spec: chooseModel(decision.modelId), auto: decision };
}

/** Reads `--rules <file.json>` (undefined without it); a missing or unreadable file is a usage error. */
export async function readRules(path: string | undefined): Promise<RoutingSettings | undefined> {
  if (!path) return undefined;
  const { readFile, stat } = await import('node:fs/promises');
  try {
    const st = await stat(path);
    if (!st.isFile() || st.size > 1_000_000) throw new Error('not a small regular file');
    return parseRulesFile(await readFile(path, 'utf8'), path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--rules ${path} cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** `--rules <file.json>`: routing rules in the JSON Settings shows; a bad file is a usage error. */
export function parseRulesFile(text: string, path: string): RoutingSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`--rules ${path} is not JSON`);
  }
  const parsed = parseRoutingSettings(raw);
  if (!parsed) throw new UsageError(`--rules ${path} is not a valid set of routing rules ({ "rules": [...], "defaultModel": "…" })`);
  return parsed;
}

/** The `--json` report of an Auto pick. */
export function autoReport(d: RoutingDecision | null): Record<string, unknown> {
  return d ? { auto: { model: d.modelId, rule: d.ruleId, reason: d.reason, ...(d.skipped.length ? { skipped: d.skipped } : {}) } } : {};
}
