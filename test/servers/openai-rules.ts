// Validation rules of POST /v1/images/edits and /v1/images/generations as
// documented in /work/shared/docs/providers.md §1.1–1.3. Every failure maps to
// the error body shape the service uses: {error:{message,type,param,code}}.

export interface OpenAIErr {
  status: number;
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

export const oaErr = (
  status: number,
  message: string,
  param: string | null,
  code: string | null,
  type = 'invalid_request_error',
): OpenAIErr => ({ status, message, type, param, code });

export const errorBody = (e: OpenAIErr) => ({ error: { message: e.message, type: e.type, param: e.param, code: e.code } });

type Fidelity = 'forbidden' | 'high-low' | 'low-only';
export interface ModelSpec {
  flexSize: boolean;
  qualities: readonly string[];
  fidelity: Fidelity;
}

const Q4 = ['low', 'medium', 'high', 'auto'] as const;
const Q6 = [...Q4, 'xhigh', 'max'] as const;
export const FIXED_SIZES = ['1024x1024', '1536x1024', '1024x1536', 'auto'] as const;

// Sizes: gpt-image-2 and 2.5 take any legal WxH (§1.1 "WxH as gpt-image-2 (2.5 only)"),
// so 2.6 and chatgpt-image-latest are treated like 1.5 (fixed sizes) — a guess, the doc is silent.
export const MODELS: Record<string, ModelSpec> = {
  'gpt-image-2': { flexSize: true, qualities: Q4, fidelity: 'forbidden' },
  'gpt-image-2-2026-04-21': { flexSize: true, qualities: Q4, fidelity: 'forbidden' },
  'gpt-image-1.5': { flexSize: false, qualities: Q4, fidelity: 'high-low' },
  'gpt-image-1-mini': { flexSize: false, qualities: Q4, fidelity: 'low-only' },
  'gpt-image-2.5-sunburst': { flexSize: true, qualities: Q6, fidelity: 'forbidden' },
  'gpt-image-2.5-flare': { flexSize: true, qualities: Q6, fidelity: 'forbidden' },
  'gpt-image-2.5-sunburst-2026-09-08': { flexSize: true, qualities: Q6, fidelity: 'forbidden' },
  'gpt-image-2.5-flare-2026-09-08': { flexSize: true, qualities: Q6, fidelity: 'forbidden' },
  'gpt-image-2.6-sunburst': { flexSize: false, qualities: Q6, fidelity: 'forbidden' },
  'gpt-image-2.6-flare': { flexSize: false, qualities: Q6, fidelity: 'forbidden' },
  'chatgpt-image-latest': { flexSize: false, qualities: Q4, fidelity: 'high-low' },
};
/** Shut down / retired: the service answers 404 model_not_found. */
export const RETIRED_MODELS = new Set(['gpt-image-1', 'dall-e-2', 'dall-e-3']);
/** Default `model` for edits when the field is omitted (spec). */
export const DEFAULT_EDIT_MODEL = 'gpt-image-1.5';

export const MAX_PROMPT = 32000;
export const MAX_IMAGES = 16;
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
export const MAX_MASK_BYTES = 4 * 1024 * 1024;
export const MIN_PIXELS = 655_360;
export const MAX_PIXELS = 8_294_400;
export const MAX_EDGE = 3840; // the Codex doc says "<3840" and recommends 3824; we accept 3840 (❓ in the doc)
export const RECOMMENDED_MAX_EDGE = 3824;

export function modelCheck(model: string): { spec: ModelSpec } | { err: OpenAIErr } {
  if (RETIRED_MODELS.has(model)) {
    return {
      err: oaErr(
        404,
        `The model \`${model}\` has been deprecated and is no longer available. Use gpt-image-2 or a newer GPT image model.`,
        'model',
        'model_not_found',
      ),
    };
  }
  const spec = MODELS[model];
  if (!spec) {
    return {
      err: oaErr(
        400,
        `Invalid value: '${model}'. Value must be one of ${Object.keys(MODELS)
          .map((m) => `'${m}'`)
          .join(', ')}.`,
        'model',
        'invalid_value',
      ),
    };
  }
  return { spec };
}

/** Returns [w,h] or an error for a requested size. 'auto' returns null (resolved later). */
export function sizeCheck(model: string, spec: ModelSpec, size: string): { wh: [number, number] | null } | { err: OpenAIErr } {
  if (size === 'auto') return { wh: null };
  const bad = (why: string) => ({ err: oaErr(400, `Invalid size '${size}'. ${why}`, 'size', 'invalid_value') });
  if (!spec.flexSize) {
    if (!(FIXED_SIZES as readonly string[]).includes(size)) {
      return {
        err: oaErr(
          400,
          `Invalid value: '${size}'. Supported values for ${model} are: ${FIXED_SIZES.map((s) => `'${s}'`).join(', ')}.`,
          'size',
          'invalid_value',
        ),
      };
    }
    const [w, h] = size.split('x').map(Number);
    return { wh: [w, h] };
  }
  const m = /^([1-9]\d{0,5})x([1-9]\d{0,5})$/.exec(size);
  if (!m) return bad(`Expected 'auto' or WIDTHxHEIGHT in pixels, e.g. '1536x1024'.`);
  const w = Number(m[1]);
  const h = Number(m[2]);
  if (w % 16 !== 0 || h % 16 !== 0) return bad('Width and height must both be divisible by 16.');
  if (Math.max(w, h) / Math.min(w, h) > 3) return bad('The aspect ratio must be between 1:3 and 3:1.');
  if (w * h < MIN_PIXELS) return bad(`The total pixel count (${w * h}) must be at least ${MIN_PIXELS}.`);
  if (w * h > MAX_PIXELS) return bad(`The total pixel count (${w * h}) must be at most ${MAX_PIXELS}.`);
  if (Math.max(w, h) > MAX_EDGE) return bad(`The longest edge must be at most ${MAX_EDGE} pixels (${RECOMMENDED_MAX_EDGE} recommended).`);
  return { wh: [w, h] };
}

const r16 = (v: number) => Math.max(16, Math.round(v / 16) * 16);

/** size=auto: the first image's size snapped to the nearest legal size for the model. */
export function autoSize(spec: ModelSpec, w: number, h: number): [number, number] {
  if (!spec.flexSize) {
    const a = w / h;
    return a > 1.2 ? [1536, 1024] : a < 1 / 1.2 ? [1024, 1536] : [1024, 1024];
  }
  let W = w;
  let H = h;
  if (W / H > 3) W = H * 3;
  if (H / W > 3) H = W * 3;
  let s = 1;
  if (W * H < MIN_PIXELS) s = Math.sqrt(MIN_PIXELS / (W * H));
  if (W * H > MAX_PIXELS) s = Math.sqrt(MAX_PIXELS / (W * H));
  if (Math.max(W, H) * s > RECOMMENDED_MAX_EDGE) s = RECOMMENDED_MAX_EDGE / Math.max(W, H);
  W = r16(W * s);
  H = r16(H * s);
  const legal = () => sizeCheckLegal(W, H);
  for (let guard = 0; guard < 1000 && !legal(); guard++) {
    if (Math.max(W, H) / Math.min(W, H) > 3) {
      if (W > H) W -= 16;
      else H -= 16;
    } else if (W * H < MIN_PIXELS) {
      if (W <= H) W += 16;
      else H += 16;
    } else {
      if (W >= H) W -= 16;
      else H -= 16;
    }
  }
  return legal() ? [W, H] : [1024, 1024];
}

function sizeCheckLegal(w: number, h: number): boolean {
  return (
    w % 16 === 0 &&
    h % 16 === 0 &&
    Math.max(w, h) / Math.min(w, h) <= 3 &&
    w * h >= MIN_PIXELS &&
    w * h <= MAX_PIXELS &&
    Math.max(w, h) <= RECOMMENDED_MAX_EDGE
  );
}

export function intField(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  dflt: number,
): { v: number } | { err: OpenAIErr } {
  if (raw === undefined) return { v: dflt };
  if (!/^-?\d+$/.test(raw.trim()))
    return { err: oaErr(400, `Invalid type for '${name}': expected an integer, but got a string instead.`, name, 'invalid_type') };
  const v = Number(raw);
  if (v < min)
    return {
      err: oaErr(
        400,
        `Invalid '${name}': integer below minimum value. Expected a value >= ${min}, but got ${v} instead.`,
        name,
        'integer_below_min_value',
      ),
    };
  if (v > max)
    return {
      err: oaErr(
        400,
        `Invalid '${name}': integer above maximum value. Expected a value <= ${max}, but got ${v} instead.`,
        name,
        'integer_above_max_value',
      ),
    };
  return { v };
}

export function boolField(name: string, raw: string | boolean | undefined): { v: boolean } | { err: OpenAIErr } {
  if (raw === undefined) return { v: false };
  if (raw === true || raw === 'true') return { v: true };
  if (raw === false || raw === 'false') return { v: false };
  return { err: oaErr(400, `Invalid type for '${name}': expected a boolean, but got a string instead.`, name, 'invalid_type') };
}

export function enumField<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  dflt: T,
): { v: T } | { err: OpenAIErr } {
  if (raw === undefined) return { v: dflt };
  if (!(allowed as readonly string[]).includes(raw)) {
    const list = allowed.map((a) => `'${a}'`);
    const text = list.length > 1 ? `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}` : list[0];
    return { err: oaErr(400, `Invalid value: '${raw}'. Supported values are: ${text}.`, name, 'invalid_value') };
  }
  return { v: raw as T };
}

/** Output options shared by edits and generations. */
export interface OutputOptions {
  n: number;
  quality: string;
  format: 'png' | 'jpeg' | 'webp';
  compression?: number;
  background: 'transparent' | 'opaque' | 'auto';
  stream: boolean;
  partialImages: number;
}

export function outputOptions(spec: ModelSpec, get: (k: string) => string | undefined): { v: OutputOptions } | { err: OpenAIErr } {
  const n = intField('n', get('n'), 1, 10, 1);
  if ('err' in n) return n;
  const quality = enumField('quality', get('quality'), spec.qualities, 'auto');
  if ('err' in quality) return quality;
  const format = enumField('output_format', get('output_format'), ['png', 'jpeg', 'webp'] as const, 'png');
  if ('err' in format) return format;
  let compression: number | undefined;
  if (get('output_compression') !== undefined) {
    const c = intField('output_compression', get('output_compression'), 0, 100, 100);
    if ('err' in c) return c;
    if (format.v === 'png' && c.v !== 100) {
      return {
        err: oaErr(
          400,
          "output_compression is only supported for the 'jpeg' and 'webp' output formats.",
          'output_compression',
          'invalid_value',
        ),
      };
    }
    compression = c.v;
  }
  const background = enumField('background', get('background'), ['transparent', 'opaque', 'auto'] as const, 'auto');
  if ('err' in background) return background;
  if (background.v === 'transparent' && format.v === 'jpeg') {
    return { err: oaErr(400, "Transparent background requires output_format 'png' or 'webp'.", 'background', 'invalid_value') };
  }
  const stream = boolField('stream', get('stream'));
  if ('err' in stream) return stream;
  const partial = intField('partial_images', get('partial_images'), 0, 3, 0);
  if ('err' in partial) return partial;
  // Our judgement: the service streams exactly one image per request, so stream with n>1 is refused.
  if (stream.v && n.v > 1) {
    return { err: oaErr(400, "Streaming is only supported with 'n' = 1.", 'n', 'invalid_value') };
  }
  return {
    v: { n: n.v, quality: quality.v, format: format.v, compression, background: background.v, stream: stream.v, partialImages: partial.v },
  };
}

/** The reply's `quality`/`background` fields report resolved values, not 'auto'. */
export const resolvedQuality = (q: string) => (q === 'auto' ? 'medium' : q);
export const resolvedBackground = (b: string) => (b === 'auto' ? 'opaque' : b);

/** Synthetic but deterministic token accounting. */
export function usageFor(prompt: string, inputs: { width: number; height: number }[], out: [number, number], n: number) {
  const text = Math.max(1, Math.ceil(prompt.length / 4));
  const image = inputs.reduce((t, i) => t + 65 + 129 * Math.ceil(i.width / 512) * Math.ceil(i.height / 512), 0);
  const output = n * Math.ceil((out[0] * out[1]) / 256);
  return {
    input_tokens: text + image,
    input_tokens_details: { image_tokens: image, text_tokens: text },
    output_tokens: output,
    output_tokens_details: { image_tokens: output, text_tokens: 0 },
    total_tokens: text + image + output,
  };
}
