/**
 * Model catalog, size rules and cost estimates. Pure data and functions: no I/O.
 */
export type {
  AnySizeRule,
  AspectLabel,
  AspectListSizeRule,
  CountRange,
  Dimensions,
  FixedSizeRule,
  GeminiImageSize,
  GridSizeRule,
  MaskSupport,
  ModelRef,
  ModelSpec,
  ModelStatus,
  PlanningDefaults,
  Pricing,
  ProviderKind,
  Quality,
  QualityPrices,
  Retirement,
  SizeCheck,
  SizeRule,
  StreamingSupport,
} from './model-types';
export {
  GEMINI_25_BASE_1K,
  GEMINI_3_BASE_1K,
  GEMINI_FOURTEEN_ASPECTS,
  GEMINI_TEN_ASPECTS,
  GEMINI_TIER_ORDER,
  buildGeminiDimensions,
  compareTiers,
} from './gemini-dimensions';
export { MODEL_CATALOG, gatewayModel, getModel, maxReferenceImages, offeredModels, resolveModel } from './catalog';
export type { GatewayTemplateId } from './catalog';
export { findAspectForSize, formatAspect, formatCount, formatSize, isSizeLegal, retiredRule } from './size-rules';
export { estimateCost, imageInputTokens } from './cost';
export type { CostEstimate, CostInput } from './cost';
export { expectedSeconds, formatExpected, latencyTier, timesInSequence } from './expected-time';
export type { ExpectedTime } from './expected-time';
export { shortModelName } from './display-name';
