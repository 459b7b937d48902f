/**
 * The selection engine, pure TypeScript on typed arrays: magic wand, colour range, GrabCut object
 * select and select subject, and guided-filter edge refinement.
 */
export { type RgbaImage, type PixelSource, cropImage, downscaleArea, memorySource, reducedSize } from './rgba';
export { magicWand, type WandOptions } from './magic-wand';
export { colorRange, colorRangeValue, type Rgb } from './color-range';
export { MaxFlowGraph } from './maxflow';
export { Gmm, kmeansComponents } from './gmm';
export { grabCut, BG, PROBABLY_BG, PROBABLY_FG, FG, type GrabCutOptions } from './grabcut';
export { subjectPrior } from './subject-prior';
export { guidedFilter, boxMean } from './guided-filter';
export { refineAlongEdge, upsampleBilinear } from './edge-refine';
export { selectObject, type ObjectSelectRequest, type ObjectSelectResult, type SelectStroke } from './object-select';
export { refineMaskEdge } from './refine-mask';
export { dropSmallComponents } from './components';
