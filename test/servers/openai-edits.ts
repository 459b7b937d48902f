// Field and file validation for multipart POST /v1/images/edits (providers.md §1.3).
import { inspectImage, type ImageInfo } from './images';
import { field, type ParsedForm } from './multipart';
import {
  DEFAULT_EDIT_MODEL,
  MAX_IMAGE_BYTES,
  MAX_IMAGES,
  MAX_MASK_BYTES,
  MAX_PROMPT,
  autoSize,
  enumField,
  modelCheck,
  oaErr,
  outputOptions,
  sizeCheck,
  type ModelSpec,
  type OpenAIErr,
  type OutputOptions,
} from './openai-rules';

const KNOWN_FIELDS = new Set([
  'model',
  'prompt',
  'n',
  'size',
  'quality',
  'output_format',
  'output_compression',
  'stream',
  'partial_images',
  'background',
  'input_fidelity',
  'mask',
  'image',
  'image[]',
  'user',
  'safety_identifier',
  'moderation',
  'response_format',
]);

export interface EditPlan {
  model: string;
  spec: ModelSpec;
  prompt: string;
  width: number;
  height: number;
  opts: OutputOptions;
  images: { data: Buffer; info: ImageInfo }[];
  mask?: { data: Buffer; info: ImageInfo };
}

export interface EditCheck {
  plan?: EditPlan;
  err?: OpenAIErr;
  /** What could be measured, for the request log even when validation fails. */
  imageSizes: { width: number; height: number; kind: string; bytes: number }[];
  maskSize?: { width: number; height: number; kind: string; bytes: number; hasAlpha: boolean };
}

const summary = (i: ImageInfo) => ({ width: i.width, height: i.height, kind: i.kind, bytes: i.bytes });

export async function validateEdit(form: ParsedForm): Promise<EditCheck> {
  const out: EditCheck = { imageSizes: [] };
  const fail = (err: OpenAIErr) => ({ ...out, err });
  const names = [...form.fields.keys(), ...form.files.map((f) => f.field)];
  const unknown = names.find((n) => !KNOWN_FIELDS.has(n));
  if (unknown !== undefined) return fail(oaErr(400, `Unknown parameter: '${unknown}'.`, unknown, 'unknown_parameter'));

  const model = field(form, 'model') ?? DEFAULT_EDIT_MODEL;
  const mc = modelCheck(model);
  if ('err' in mc) return fail(mc.err);
  const spec = mc.spec;

  const prompt = field(form, 'prompt');
  if (prompt === undefined || prompt.length === 0) {
    return fail(oaErr(400, "Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter'));
  }
  if (prompt.length > MAX_PROMPT) {
    return fail(
      oaErr(
        400,
        `Invalid 'prompt': string too long. Expected a string with maximum length ${MAX_PROMPT}, but got a string with length ${prompt.length} instead.`,
        'prompt',
        'string_above_max_length',
      ),
    );
  }

  for (const name of ['image', 'image[]', 'mask']) {
    if (form.fields.has(name)) {
      return fail(
        oaErr(400, `Invalid type for '${name}': expected a file, but got a string instead.`, name.replace('[]', ''), 'invalid_type'),
      );
    }
  }
  const imageFiles = form.files.filter((f) => f.field === 'image' || f.field === 'image[]');
  if (imageFiles.length === 0) return fail(oaErr(400, "Missing required parameter: 'image'.", 'image', 'missing_required_parameter'));
  if (imageFiles.length > MAX_IMAGES) {
    return fail(
      oaErr(
        400,
        `Invalid 'image': array too long. Expected an array with maximum length ${MAX_IMAGES}, but got an array with length ${imageFiles.length} instead.`,
        'image',
        'array_above_max_length',
      ),
    );
  }
  const maskFiles = form.files.filter((f) => f.field === 'mask');
  if (maskFiles.length > 1) return fail(oaErr(400, "Invalid 'mask': expected a single file.", 'mask', 'invalid_type'));

  const opts = outputOptions(spec, (k) => field(form, k));
  if ('err' in opts) return fail(opts.err);

  const size = sizeCheck(model, spec, field(form, 'size') ?? 'auto');
  if ('err' in size) return fail(size.err);

  const fidelity = field(form, 'input_fidelity');
  if (fidelity !== undefined) {
    if (spec.fidelity === 'forbidden') {
      return fail(
        oaErr(
          400,
          `input_fidelity is not supported for model '${model}': input images are always processed at high fidelity. Omit this parameter.`,
          'input_fidelity',
          'unsupported_parameter',
        ),
      );
    }
    const fv = enumField('input_fidelity', fidelity, spec.fidelity === 'low-only' ? (['low'] as const) : (['high', 'low'] as const), 'low');
    if ('err' in fv) return fail(fv.err);
  }
  const moderation = enumField('moderation', field(form, 'moderation'), ['low', 'auto'] as const, 'auto');
  if ('err' in moderation) return fail(moderation.err);
  const rf = field(form, 'response_format');
  if (rf !== undefined && rf !== 'b64_json') {
    return fail(
      oaErr(
        400,
        `response_format '${rf}' is not supported for ${model}; GPT image models always return base64-encoded images.`,
        'response_format',
        'unsupported_parameter',
      ),
    );
  }

  const images: { data: Buffer; info: ImageInfo }[] = [];
  for (let i = 0; i < imageFiles.length; i++) {
    const f = imageFiles[i];
    if (f.data.length >= MAX_IMAGE_BYTES) {
      return fail(
        oaErr(
          400,
          `Invalid 'image': image ${i + 1} is too large (${f.data.length} bytes). Each image must be smaller than 50 MB.`,
          'image',
          'image_too_large',
        ),
      );
    }
    const info = await inspectImage(f.data);
    if (info) out.imageSizes.push(summary(info));
    if (!info || !['png', 'jpeg', 'webp'].includes(info.kind)) {
      const got = info ? `image/${info.kind}` : f.type || 'application/octet-stream';
      return fail(
        oaErr(
          400,
          `Invalid input image ${i + 1} - format must be in ['image/jpeg', 'image/png', 'image/webp'] and decodable, got ${got}.`,
          'image',
          info ? 'invalid_image_format' : 'invalid_image_file',
        ),
      );
    }
    images.push({ data: f.data, info });
  }

  let mask: EditPlan['mask'];
  if (maskFiles.length === 1) {
    const f = maskFiles[0];
    if (f.data.length >= MAX_MASK_BYTES) {
      return fail(
        oaErr(
          400,
          `Invalid 'mask': file too large (${f.data.length} bytes). The mask must be a PNG smaller than 4 MB.`,
          'mask',
          'image_too_large',
        ),
      );
    }
    const info = await inspectImage(f.data);
    if (info) out.maskSize = { ...summary(info), hasAlpha: info.hasAlpha };
    if (!info) return fail(oaErr(400, 'Invalid mask image: the file could not be decoded as an image.', 'mask', 'invalid_image_file'));
    if (info.kind !== 'png') {
      return fail(
        oaErr(400, `Invalid mask image format - mask must be a PNG file, got image/${info.kind}.`, 'mask', 'invalid_image_format'),
      );
    }
    if (!info.hasAlpha) {
      return fail(
        oaErr(
          400,
          'Invalid mask image: the mask must have an alpha channel (RGBA, LA or a transparent palette); fully transparent pixels mark the area to edit.',
          'mask',
          'invalid_image_file',
        ),
      );
    }
    const first = images[0].info;
    if (info.width !== first.width || info.height !== first.height) {
      return fail(
        oaErr(
          400,
          `Invalid mask image: the mask dimensions (${info.width}x${info.height}) must match the dimensions of the first image (${first.width}x${first.height}).`,
          'mask',
          'invalid_image_dimensions',
        ),
      );
    }
    mask = { data: f.data, info };
  }

  const [width, height] = size.wh ?? autoSize(spec, images[0].info.width, images[0].info.height);
  return { ...out, plan: { model, spec, prompt, width, height, opts: opts.v, images, mask } };
}

const GENERATION_FIELDS = new Set([
  'model',
  'prompt',
  'n',
  'size',
  'quality',
  'output_format',
  'output_compression',
  'stream',
  'partial_images',
  'background',
  'moderation',
  'user',
  'safety_identifier',
  'response_format',
]);

export interface GenerationPlan {
  model: string;
  prompt: string;
  width: number;
  height: number;
  opts: OutputOptions;
}

/** JSON POST /v1/images/generations — same model/size/output rules, no input images. */
export function validateGeneration(body: unknown): { plan: GenerationPlan } | { err: OpenAIErr } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      err: oaErr(
        400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
        null,
        null,
      ),
    };
  }
  const obj = body as Record<string, unknown>;
  const unknown = Object.keys(obj).find((k) => !GENERATION_FIELDS.has(k));
  if (unknown !== undefined) return { err: oaErr(400, `Unknown parameter: '${unknown}'.`, unknown, 'unknown_parameter') };
  const get = (k: string) => (obj[k] === undefined || obj[k] === null ? undefined : String(obj[k]));
  const model = get('model') ?? DEFAULT_EDIT_MODEL;
  const mc = modelCheck(model);
  if ('err' in mc) return mc;
  const prompt = obj.prompt;
  if (typeof prompt !== 'string' || prompt.length === 0) {
    return { err: oaErr(400, "Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter') };
  }
  if (prompt.length > MAX_PROMPT) {
    return {
      err: oaErr(
        400,
        `Invalid 'prompt': string too long. Expected a string with maximum length ${MAX_PROMPT}, but got a string with length ${prompt.length} instead.`,
        'prompt',
        'string_above_max_length',
      ),
    };
  }
  const opts = outputOptions(mc.spec, get);
  if ('err' in opts) return opts;
  const size = sizeCheck(model, mc.spec, get('size') ?? 'auto');
  if ('err' in size) return size;
  const moderation = enumField('moderation', get('moderation'), ['low', 'auto'] as const, 'auto');
  if ('err' in moderation) return moderation;
  const [width, height] = size.wh ?? [1024, 1024];
  return { plan: { model, prompt, width, height, opts: opts.v } };
}
