/**
 * The Generate panel's "Auto" model choice: the shared routing rules applied to what the panel
 * knows (prompt, extension being filled, preset, the user's rules, the usable models). Pure.
 */
import type { Size } from '../../shared/geometry';
import type { ModelSpec } from '../../shared/models';
import type { AppPrefs } from '../../shared/prefs/app-prefs';
import { DEFAULT_ROUTING, routeModel, type RoutingDecision } from '../../shared/routing';

/** The value of the Model select that means "let the rules choose". */
export const AUTO_VALUE = 'auto';

export interface AutoInput {
  prompt: string;
  /** The canvas being filled when Generate fills an extension, else null. */
  outpaint: Size | null;
  presetId: string | null;
  prefs: AppPrefs | null;
  /** Every model the panel offers, with whether it can be used now. */
  options: readonly { value: string; spec: ModelSpec; usable: boolean }[];
  /** Price of this Generate with a model (USD), or null when it cannot run it. */
  priceOf?: (spec: ModelSpec) => number | null;
}

export function autoDecision(input: AutoInput): RoutingDecision {
  const preset = input.presetId ? input.prefs?.presets.find((p) => p.id === input.presetId) : undefined;
  return routeModel({
    prompt: input.prompt,
    geometry: { outpaint: input.outpaint },
    preset: preset ? { name: preset.name, draft: preset.draft } : null,
    settings: input.prefs?.routing ?? DEFAULT_ROUTING,
    models: input.options.filter((o) => o.usable).map((o) => o.spec),
    priceOf: input.priceOf,
  });
}
