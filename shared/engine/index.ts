/**
 * Public surface of the local fill engine. Import from here, not from the individual modules.
 */
export { inpaint } from './inpaint';
export { runLaneTask, type FillLanes, type LaneState, type LaneTask } from './lanes';
export { diffusionFill } from './diffusion';
export { fillRegionFor, maskBounds } from './region';
export { mulberry32, type Rng } from './random';
export {
  changedOutsideMask,
  psnrInMask,
  seamScore,
  ssimInRect,
  straightStepShare,
  textureScore,
} from './metrics';
export {
  FillCancelledError,
  HOLE_THRESHOLD,
  NEUTRAL_GREY,
  type FillOptions,
  type Rect,
  type RgbaImage,
} from './types';
