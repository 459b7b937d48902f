/**
 * Model routing ("Auto"): readable rules (rules.ts), the prompt's text signals (prompt-signals.ts)
 * and the decision (route.ts). Shared by the app's Generate, the batch queue and the CLI. Pure.
 */
export { DEFAULT_TEXT_WORDS, describeSignal, nonLatinScript, textSignal } from './prompt-signals';
export type { TextSignal } from './prompt-signals';
export { CHEAPEST, DEFAULT_ROUTING, describeCondition, describeRule, parseRoutingSettings } from './rules';
export type { RoutingRule, RoutingSettings, RuleCondition, RuleTarget } from './rules';
export { formatDecision, routeModel } from './route';
export type { RoutingDecision, RoutingGeometry, RoutingInput, RoutingPreset } from './route';
/** The model value that means "let the rules choose". */
export const AUTO_MODEL = 'auto';
