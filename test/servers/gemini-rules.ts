// Request validation for Gemini :generateContent / :streamGenerateContent with
// image models (providers.md §2.1–2.2). The SDK (@google/genai 3.3.0, Gemini
// API mode) sends camelCase JSON: {contents, generationConfig:{responseModalities,
// imageConfig:{aspectRatio,imageSize}}}; the service also accepts snake_case, so do we.
import { inspectImage, type ImageInfo } from './images';

export interface GeminiErr {
  code: number;
  message: string;
  status: string;
}
export const gErr = (code: number, message: string, status = 'INVALID_ARGUMENT'): GeminiErr => ({ code, message, status });
export const gErrorBody = (e: GeminiErr) => ({ error: { code: e.code, message: e.message, status: e.status } });

export interface GeminiModelSpec {
  ratios: readonly string[];
  sizes: readonly string[];
  maxImages: number;
}
const R10 = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const;
const R14 = [...R10, '1:4', '4:1', '1:8', '8:1'] as const;
export const GEMINI_MODELS: Record<string, GeminiModelSpec> = {
  'gemini-3.1-flash-image': { ratios: R14, sizes: ['512', '1K', '2K', '4K'], maxImages: 14 },
  'gemini-3-pro-image': { ratios: R10, sizes: ['1K', '2K', '4K'], maxImages: 14 },
  'gemini-3.1-flash-lite-image': { ratios: R10, sizes: ['1K'], maxImages: 14 },
  'gemini-nano-banana-2.1': { ratios: R14, sizes: ['1K', '2K', '4K'], maxImages: 14 },
};
/** Shut down: answered with 404 NOT_FOUND like any unknown model. */
export const RETIRED_GEMINI_MODELS = ['gemini-2.5-flash-image', 'gemini-2.5-flash-image-preview', 'gemini-3.1-flash-image-preview'];

/** Output pixel size at 1K per aspect ratio; 2K = 2×, 4K = 4×, 512 = 0.5×. */
export const GEMINI_1K_SIZES: Record<string, [number, number]> = {
  '1:1': [1024, 1024],
  '2:3': [848, 1264],
  '3:2': [1264, 848],
  '3:4': [896, 1200],
  '4:3': [1200, 896],
  '4:5': [928, 1152],
  '5:4': [1152, 928],
  '9:16': [768, 1376],
  '16:9': [1376, 768],
  '21:9': [1584, 672],
  '1:4': [512, 2048],
  '4:1': [2048, 512],
  '1:8': [352, 2816],
  '8:1': [2816, 352],
};
const SIZE_FACTOR: Record<string, number> = { '512': 0.5, '1K': 1, '2K': 2, '4K': 4 };

export function geminiPixelSize(aspectRatio: string, imageSize: string): [number, number] {
  const [w, h] = GEMINI_1K_SIZES[aspectRatio];
  const f = SIZE_FACTOR[imageSize];
  return [Math.round(w * f), Math.round(h * f)];
}

/** The supported ratio closest (in log space) to w:h — what the model picks when none is requested. */
export function nearestRatio(spec: GeminiModelSpec, w: number, h: number): string {
  let best = '1:1';
  let bestD = Infinity;
  for (const r of spec.ratios) {
    const [a, b] = r.split(':').map(Number);
    const d = Math.abs(Math.log(a / b) - Math.log(w / h));
    if (d < bestD) {
      best = r;
      bestD = d;
    }
  }
  return best;
}

const TOP_KEYS = new Set([
  'contents',
  'generationConfig',
  'generation_config',
  'systemInstruction',
  'system_instruction',
  'safetySettings',
  'safety_settings',
  'tools',
  'toolConfig',
  'tool_config',
  'cachedContent',
  'cached_content',
  'model',
]);
const GEN_KEYS = new Set([
  'responseModalities',
  'imageConfig',
  'temperature',
  'topP',
  'topK',
  'candidateCount',
  'maxOutputTokens',
  'seed',
  'stopSequences',
  'thinkingConfig',
  'responseMimeType',
  'mediaResolution',
  'presencePenalty',
  'frequencyPenalty',
  'responseLogprobs',
  'logprobs',
  'speechConfig',
  'responseSchema',
  'responseJsonSchema',
  'enableEnhancedCivicAnswers',
]);
const IMAGE_KEYS = new Set(['aspectRatio', 'imageSize']);
const MODALITIES = ['TEXT', 'IMAGE', 'AUDIO'];
const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif'];

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** Reads a camelCase key, accepting its snake_case spelling too. */
function get(obj: Record<string, unknown>, key: string): unknown {
  return obj[key] !== undefined ? obj[key] : obj[snake(key)];
}
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const unknownKey = (obj: Record<string, unknown>, known: Set<string>) =>
  Object.keys(obj).find((k) => !known.has(k) && !known.has(camel(k)));

export interface GeminiInputImage {
  data: Buffer;
  mimeType: string;
  info: ImageInfo;
}
export interface GeminiPlan {
  model: string;
  spec: GeminiModelSpec;
  prompt: string;
  images: GeminiInputImage[];
  aspectRatio: string;
  imageSize: string;
  width: number;
  height: number;
  /** Requested modalities ([] = not specified). */
  modalities: string[];
}

export function modelLookup(model: string, apiVersion: string, method: string): { spec: GeminiModelSpec } | { err: GeminiErr } {
  const spec = GEMINI_MODELS[model];
  if (!spec) {
    return {
      err: gErr(
        404,
        `models/${model} is not found for API version ${apiVersion}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
        'NOT_FOUND',
      ),
    };
  }
  return { spec };
}

export async function validateGenerate(
  model: string,
  spec: GeminiModelSpec,
  body: unknown,
): Promise<{ plan: GeminiPlan } | { err: GeminiErr; images?: GeminiInputImage[] }> {
  const bad = (message: string) => ({ err: gErr(400, message) });
  if (!isObj(body)) return bad('Invalid JSON payload received. Expected an object.');
  const unk = unknownKey(body, TOP_KEYS);
  if (unk) return bad(`Invalid JSON payload received. Unknown name "${unk}": Cannot find field.`);
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) return bad('* GenerateContentRequest.contents: contents is not specified\n');

  const texts: string[] = [];
  const images: GeminiInputImage[] = [];
  for (let ci = 0; ci < contents.length; ci++) {
    const c = contents[ci];
    const at = `contents[${ci}]`;
    if (!isObj(c)) return bad(`Invalid JSON payload received. Invalid value at '${at}': expected an object.`);
    if (c.role !== undefined && c.role !== 'user' && c.role !== 'model') return bad('Please use a valid role: user, model.');
    const parts = c.parts;
    if (!Array.isArray(parts) || parts.length === 0)
      return bad(`* GenerateContentRequest.${at}.parts: contents.parts must not be empty.\n`);
    for (let pi = 0; pi < parts.length; pi++) {
      const p = parts[pi];
      const pat = `${at}.parts[${pi}]`;
      if (!isObj(p)) return bad(`Invalid JSON payload received. Invalid value at '${pat}': expected an object.`);
      const inline = get(p, 'inlineData');
      if (typeof p.text === 'string') {
        if (c.role !== 'model' && p.thought !== true) texts.push(p.text);
      } else if (isObj(inline)) {
        const mimeType = get(inline, 'mimeType');
        const data = inline.data;
        if (typeof mimeType !== 'string' || !mimeType)
          return bad(`* GenerateContentRequest.${pat}.inline_data.mime_type: mime_type is not specified\n`);
        if (!IMAGE_MIMES.includes(mimeType.toLowerCase())) return bad(`Unsupported MIME type: ${mimeType}`);
        if (typeof data !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(data.replace(/\s+/g, '')) || data.length === 0) {
          return bad(`Invalid value at '${pat}.inline_data.data' (TYPE_BYTES), Base64 decoding failed for "${String(data).slice(0, 40)}"`);
        }
        const buf = Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
        const info = await inspectImage(buf);
        if (!info || !['png', 'jpeg', 'webp'].includes(info.kind)) {
          return {
            err: gErr(
              400,
              'Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
            ),
            images,
          };
        }
        if (c.role !== 'model') images.push({ data: buf, mimeType, info });
      } else if (get(p, 'fileData') !== undefined) {
        return bad(`* GenerateContentRequest.${pat}.file_data.file_uri: this local server does not resolve file URIs; send inlineData.\n`);
      } else if (p.thoughtSignature === undefined && p.thought_signature === undefined) {
        return bad(`* GenerateContentRequest.${pat}.data: required oneof field 'data' must have one initialized field\n`);
      }
    }
  }
  if (images.length > spec.maxImages) {
    return {
      err: gErr(400, `Too many input images: ${images.length}. ${model} accepts at most ${spec.maxImages} images per request.`),
      images,
    };
  }

  const gc = get(body, 'generationConfig') ?? {};
  if (!isObj(gc)) return bad("Invalid JSON payload received. Invalid value at 'generation_config': expected an object.");
  const gunk = unknownKey(gc, GEN_KEYS);
  if (gunk) return bad(`Invalid JSON payload received. Unknown name "${gunk}" at 'generation_config': Cannot find field.`);
  const rawMods = get(gc, 'responseModalities') ?? [];
  if (!Array.isArray(rawMods)) return bad("Invalid value at 'generation_config.response_modalities': expected a list.");
  const modalities: string[] = [];
  for (let i = 0; i < rawMods.length; i++) {
    const m = String(rawMods[i]).toUpperCase();
    if (!MODALITIES.includes(m)) {
      return bad(
        `Invalid value at 'generation_config.response_modalities[${i}]' (type.googleapis.com/google.ai.generativelanguage.v1.GenerationConfig.Modality), "${String(rawMods[i])}"`,
      );
    }
    modalities.push(m);
  }
  if (modalities.includes('AUDIO')) return bad('Model does not support the requested response modalities: audio');
  const cc = get(gc, 'candidateCount');
  if (cc !== undefined && cc !== 1) return bad(`Multiple candidates is not enabled for models/${model}`);

  const ic = get(gc, 'imageConfig') ?? {};
  if (!isObj(ic)) return bad("Invalid JSON payload received. Invalid value at 'generation_config.image_config': expected an object.");
  const iunk = unknownKey(ic, IMAGE_KEYS);
  if (iunk) return bad(`Invalid JSON payload received. Unknown name "${iunk}" at 'generation_config.image_config': Cannot find field.`);
  const ar = get(ic, 'aspectRatio');
  const is = get(ic, 'imageSize');
  if (ar !== undefined && (typeof ar !== 'string' || !spec.ratios.includes(ar))) {
    return bad(`Unsupported aspect ratio: ${String(ar)}. Supported aspect ratios for ${model} are: ${spec.ratios.join(', ')}.`);
  }
  if (is !== undefined && (typeof is !== 'string' || !spec.sizes.includes(is))) {
    return bad(`Unsupported image size: ${String(is)}. Supported image sizes for ${model} are: ${spec.sizes.join(', ')}.`);
  }
  const aspectRatio = (ar as string | undefined) ?? (images[0] ? nearestRatio(spec, images[0].info.width, images[0].info.height) : '1:1');
  const imageSize = (is as string | undefined) ?? '1K';
  const [width, height] = geminiPixelSize(aspectRatio, imageSize);
  return { plan: { model, spec, prompt: texts.join('\n'), images, aspectRatio, imageSize, width, height, modalities } };
}
