/**
 * Geometry in document pixels: rects, mask regions fitted to a model, outpaint extension and
 * tiling. Pure functions, no I/O.
 */
export type { Point, Rect, Size } from './rect';
export {
  canvasRect,
  clipAll,
  containsRect,
  boundingIntRect,
  expandRect,
  intersectRects,
  isEmptyRect,
  rectArea,
  rectBottom,
  rectFromEdges,
  rectRight,
  subtractFromAll,
  subtractRect,
  totalArea,
} from './rect';
export { fitAspect, insideCanvas, placeAxis } from './fit';
export type { AspectOptions, ModelRequest, RequestOptions } from './request-size';
export { DEFAULT_MAX_ANISOTROPY, anisotropy, aspectOptions, ratioDistance, requestFor } from './request-size';
export type { MarginPolicy, RectScale, RegionFailure, RegionInput, RegionMapping, RegionPlan } from './region';
export { DEFAULT_MARGIN, contextMargin, planRegion, rectScaleFor, regionToRequest, requestToRegion } from './region';
export type { AspectPreset, CanvasExtension, ExtendAnchor, SideExtension } from './outpaint-extend';
export {
  ASPECT_PRESETS,
  centredOnGrid,
  extendBySides,
  extendToAspect,
  JPEG_BLOCK_GRID,
  originalRect,
  parseAspect,
  splitOnGrid,
} from './outpaint-extend';
export type { ContextPolicy, StripProblem, StripRatios, StripTile } from './strip-solver';
export { MAX_TILES_PER_AXIS, extentForGain, extentIntervals, maxExtentForContext, minContext, solveStrip } from './strip-solver';
export type { GrowthAxis, OutpaintInput, Phase, PhaseOrders, ResolvedOutpaint } from './outpaint-phases';
export { DEFAULT_CONTEXT, resolveOutpaint } from './outpaint-phases';
export { minimumTileCount, stripLowerBound } from './tile-bounds';
export type { OutpaintFailure, OutpaintPlan, OutpaintTile } from './outpaint-plan';
export { planOutpaint } from './outpaint-plan';
export { longestChain, tileWaits } from './tile-order';
export type { PlanTableOptions, PlanTableRow } from './plan-table';
export { formatPlanTable, planTable } from './plan-table';
export { checkOutpaintPlan, checkRegionPlan, knownLines, regionAspectReachable } from './plan-checks';
export type { DocPoint, ScreenPoint, ViewTransform } from './point';
export { docPoint, docToScreen, screenPoint, screenToDoc } from './point';
export type { PartGroups, RegionsInput, RegionsPlan } from './region-groups';
export { MAX_AREAS, groupParts, planRegions, unionRects } from './region-groups';
