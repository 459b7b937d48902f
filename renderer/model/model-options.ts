/**
 * The models the Generate panel offers: the catalog's offered models plus the user's gateway models,
 * each with the key it needs and whether that key is set. Pure: no I/O, no DOM.
 */
import { gatewayModel, maxReferenceImages, offeredModels, type ModelSpec } from '../../shared/models';
import type { GatewaySettings, KeyStatus } from '../../shared/ipc/contract-types';

export interface ModelOption {
  /** What `edit:start` takes as `model`: a catalog id or `gateway:<id>/<modelId>`. */
  value: string;
  spec: ModelSpec;
  /** Key-store provider the model needs (`openai`, `gemini`, `gateway:<id>`); null for local. */
  keyProvider: string | null;
  usable: boolean;
  /** Text for the picker, including the availability note. */
  label: string;
}

export const LOCAL_MODEL = 'local';

export function gatewayValue(gatewayId: string, modelId: string): string {
  return `gateway:${gatewayId}/${modelId}`;
}

export function keyProviderFor(spec: ModelSpec, gatewayId?: string): string | null {
  switch (spec.provider) {
    case 'openai':
      return 'openai';
    case 'gemini':
      return 'gemini';
    case 'gateway':
      return `gateway:${gatewayId ?? ''}`;
    case 'local':
      return null;
  }
}

/** "a" or "an" before a provider's name in a message ("Set an OpenAI key", "Set a Google Gemini key"). */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

/** Human name of a key provider, for messages ("Set an OpenAI key…"). */
export function providerLabel(provider: string, gateways: readonly GatewaySettings[] = []): string {
  if (provider === 'openai') return 'OpenAI';
  if (provider === 'gemini') return 'Google Gemini';
  if (provider.startsWith('gateway:')) {
    const id = provider.slice('gateway:'.length);
    return `gateway “${gateways.find((g) => g.id === id)?.name ?? id}”`;
  }
  return provider;
}

export function buildModelOptions(keys: readonly KeyStatus[], gateways: readonly GatewaySettings[]): ModelOption[] {
  const isSet = (p: string | null) => p === null || keys.some((k) => k.provider === p && k.isSet);
  const rejected = (p: string | null) => p !== null && keys.some((k) => k.provider === p && k.isSet && k.rejected);
  const out: ModelOption[] = [];
  for (const spec of offeredModels()) {
    const keyProvider = keyProviderFor(spec);
    out.push(option(spec.id, spec, keyProvider, isSet(keyProvider), rejected(keyProvider)));
  }
  for (const gw of gateways) {
    for (const modelId of gw.modelIds) {
      const value = gatewayValue(gw.id, modelId);
      let spec: ModelSpec;
      try {
        spec = gatewayModel({ id: value, name: `${gw.name}: ${modelId}`, upstreamModel: modelId }, gw.template ?? 'gpt-image-2');
      } catch {
        continue;
      }
      const keyProvider = `gateway:${gw.id}`;
      out.push(option(value, spec, keyProvider, isSet(keyProvider), rejected(keyProvider)));
    }
  }
  return out;
}

function option(value: string, spec: ModelSpec, keyProvider: string | null, usable: boolean, rejected = false): ModelOption {
  const notes = [
    // The offline engine's name already says it is offline: no need to say it twice in a narrow list.
    // A key the service refused says so (it still read "key set" after "The OpenAI key was rejected").
    spec.provider === 'local' ? 'free' : rejected ? 'key rejected' : usable ? 'key set' : 'no key',
    spec.status === 'deprecated' ? 'deprecated' : '',
  ];
  return { value, spec, keyProvider, usable, label: `${spec.name} — ${notes.filter(Boolean).join(', ')}` };
}

/**
 * The model to preselect: the local engine when no cloud key is set, otherwise the last used model
 * if it is still usable (else the local engine).
 */
export function defaultModel(options: readonly ModelOption[], lastUsed: string | null): string {
  const anyCloud = options.some((o) => o.keyProvider !== null && o.usable);
  if (!anyCloud) return LOCAL_MODEL;
  const last = lastUsed ? options.find((o) => o.value === lastUsed) : undefined;
  return last?.usable ? last.value : LOCAL_MODEL;
}

/** Reference images a model takes besides the source (and the mask image when emulated), within the contract's 15. */
export function maxReferences(spec: ModelSpec): number {
  return Math.min(15, maxReferenceImages(spec));
}

/**
 * The reference limit when several models are asked at once: the smallest of theirs (every model is
 * sent the same references), and the model that sets it — the first such in `specs`. `limitedBy` is
 * null for one model. No specs (none counted yet): `fallback`'s own limit.
 */
export function referenceLimit(
  specs: readonly ModelSpec[],
  fallback: ModelSpec,
): { max: number; model: ModelSpec; limitedBy: ModelSpec | null } {
  if (specs.length === 0) return { max: maxReferences(fallback), model: fallback, limitedBy: null };
  let model = specs[0];
  for (const s of specs) if (maxReferences(s) < maxReferences(model)) model = s;
  return { max: maxReferences(model), model, limitedBy: specs.length > 1 ? model : null };
}

/** The n range offered in the picker: the model's range, capped at 4. */
export function nRange(spec: ModelSpec): { min: number; max: number } {
  const max = Math.max(1, Math.min(4, spec.n.max));
  return { min: Math.min(Math.max(1, spec.n.min), max), max };
}

export function clampN(n: number, spec: ModelSpec): number {
  const r = nRange(spec);
  return Math.min(r.max, Math.max(r.min, Math.round(n) || 1));
}

/** Gemini-style tiers the model accepts (empty when it has no tier knob). */
export function tiersOf(spec: ModelSpec): readonly ('512' | '1K' | '2K' | '4K')[] {
  return spec.sizeRule.kind === 'aspect-list' ? spec.sizeRule.imageSizes : [];
}

/**
 * Catalog models from the strongest editor to the weakest, for "Refine with…": a candidate is
 * polished by a stronger model (Nano Banana 2 draft → GPT Image 2). A gateway model ranks as the
 * model whose rules it copies; anything unlisted ranks last.
 */
const REFINE_STRENGTH = ['gpt-image-2', 'gemini-3-pro-image', 'gemini-3.1-flash-image', 'gpt-image-1.5', 'gpt-image-1-mini', LOCAL_MODEL];

function refineRank(o: ModelOption): number {
  const at = REFINE_STRENGTH.indexOf(o.spec.template ?? o.value);
  return at < 0 ? REFINE_STRENGTH.length : at;
}

/**
 * The model "Refine with…" preselects for a candidate from `candidateModel`: the strongest usable
 * model other than that one (the candidate's own model when it is the only usable one).
 */
export function refineDefault(candidateModel: string, usable: readonly ModelOption[]): string | null {
  const others = usable.filter((o) => o.value !== candidateModel);
  if (!others.length) return usable[0]?.value ?? null;
  return others.reduce((best, o) => (refineRank(o) < refineRank(best) ? o : best)).value;
}
