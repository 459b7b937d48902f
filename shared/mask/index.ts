/**
 * Public API of the mask model: immutable tiled masks at document resolution (values 0..255)
 * and every mask operation, as pure TypeScript on typed arrays.
 */
export {
  TILE_SIZE,
  createEmptyMask,
  createFullMask,
  getMaskValue,
  dirtyTileIndices,
  tileRect,
  type Tile,
  type TiledMask,
  type Rect,
  type Coverage,
} from './tiled-mask';
export { maskFromArray, maskToArray, readMaskRegion } from './mask-region';
export { trimCoverage } from './trim-coverage';
export { maskBounds, isMaskEmpty, countMaskPixels } from './mask-queries';
export { MASK_ON } from './threshold';
export { applyCoverage, coverageLut, type CoverageMode } from './apply-coverage';
export { brushProfile, type StrokePoint, type BrushOptions, type BrushProfile } from './brush-profile';
export { rasterizeStroke } from './brush-stroke';
export { StrokeCoverage } from './stroke-coverage';
export { rasterizePressureStroke, type PressurePoint, type PressureMapping } from './pressure-stroke';
export { rasterizePolygon, type PolygonPoint, type PolygonOptions } from './polygon';
export { rasterizeRect, rasterizeEllipse } from './shapes';
export { frameMask } from './frame-mask';
export { invertMask, clearMask, thresholdMask, mapMaskValues } from './pixel-ops';
export { growMask } from './grow-mask';
export { bandOutline, type BandOutline } from './band-outline';
export { featherMask } from './feather-mask';
export { maskRegionToRgbaOverlay, tileToOverlayRGBA, overlaySize, type RgbColor } from './overlay';
export { maskParts, valuesParts, PartGrid, PART_CELL } from './mask-parts';
