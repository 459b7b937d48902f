// Local provider servers and image helpers for tests (see openai-server.ts / gemini-server.ts).
export * from './openai-server';
export * from './gemini-server';
export {
  BRIGHTEN,
  PALETTE,
  paletteColour,
  makePng,
  makeAlphaMask,
  makeWhiteMask,
  decodeRgba,
  pixelAt,
  sniff,
  inspectImage,
} from './images';
export type { Rgb, Rgba, Rect, RgbaImage, ImageInfo, ImageKind, OutputFormat } from './images';
export { MODERATE_TRIGGER } from './scripting';
export { GEMINI_1K_SIZES, GEMINI_MODELS, RETIRED_GEMINI_MODELS, geminiPixelSize } from './gemini-rules';
export { MODELS as OPENAI_MODELS, RETIRED_MODELS as RETIRED_OPENAI_MODELS, autoSize, sizeCheck } from './openai-rules';
export * from './gemini-batch-server';
