/**
 * THE document schema: the records the renderer keeps (renderer/model/document-types.ts derives its
 * types from here) and main validates when it recovers an autosave. Written with valibot. Nesting is
 * bounded before parsing (MAX_DOCUMENT_DEPTH, counted without recursion), so a hostile or damaged
 * autosave is refused as "nothing to restore" instead of overflowing a stack.
 */
import * as v from 'valibot';

/** Deepest nesting of objects/arrays a document has (a version's layersAfter sits at depth 5). */
export const MAX_DOCUMENT_DEPTH = 16;

const ASSET_ID = /^[a-z]+-[0-9a-f]{32}$/;
const coord = v.pipe(v.number(), v.integer(), v.minValue(-1e6), v.maxValue(1e6));
const dim = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e6));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = text(200);
const assetId = v.pipe(v.string(), v.regex(ASSET_ID));
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));

export const OriginalRefSchema = v.object({
  assetId,
  name: text(1024),
  /** Size after EXIF orientation, in document pixels. */
  width: dim,
  height: dim,
  /** Where the original sits on the canvas (non-zero after extending left/top). */
  x: coord,
  y: coord,
  hasIcc: v.boolean(),
  hasExif: v.boolean(),
  sourcePath: v.optional(text(4096)),
  /** Bits per channel of the file: 16 for 16-bit PNG/TIFF (kept in PNG/TIFF/PSD exports). Default 8. */
  depth: v.optional(v.picklist([8, 16])),
  /** 'cmyk' when the file is CMYK: edited and exported in RGB, converted with its own profile. Default RGB. */
  colourModel: v.optional(v.picklist(['cmyk'])),
  /**
   * True when the file is greyscale (shown as "Gray/16" as Photoshop does; edited in RGB). A field of
   * its own, not a colourModel value: older versions strip it as an unknown key (v.object) and read
   * the project as RGB, where a new colourModel value would fail their picklist.
   */
  grey: v.optional(v.literal(true)),
  /**
   * True when the file is a JPEG cut short (image-import.ts, jpeg-partial.ts): the original is the
   * part that was there, stored as a PNG, so an export cannot keep the file's JPEG data.
   */
  cutShort: v.optional(v.literal(true)),
});

/** How a layer combines with what is below it. Only Normal (source-over) exists today. */
export const BLEND_MODES = ['normal'] as const;
export type BlendMode = (typeof BLEND_MODES)[number];

/**
 * An accepted result: a region-sized RGBA bitmap (alpha = feathered mask) placed at x,y.
 * Layer properties are optional; a record without them reads as the defaults (visible, opacity 1,
 * Normal, no layer mask) — use `layerVisible`, `layerOpacity`, `layerBlend` below, never `?? …` at
 * the call site. Everything that writes the document out (export, PSD, project file, autosave) must
 * honour them in this order: layer pixels × layer mask × opacity, composited Normal in array order
 * (index 0 is just above the original).
 */
export const PatchLayerSchema = v.object({
  id,
  name: text(1024),
  assetId,
  x: coord,
  y: coord,
  width: dim,
  height: dim,
  /** false = hidden on screen and in every output. Default true. */
  visible: v.optional(v.boolean()),
  /** 0…1, multiplies the layer's alpha. Default 1. */
  opacity: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1))),
  /** Default 'normal'. */
  blend: v.optional(v.picklist(BLEND_MODES)),
  /**
   * The layer mask in the renderer's mask store (a TiledMask of the layer's width×height; 255 shows
   * the layer, 0 hides it). Absent = no mask (the whole layer shows). Renderer-only: main cannot read it.
   */
  maskId: v.optional(id),
  /**
   * The same layer mask as a grey PNG (R = value, layer-sized) in main's asset store: what main,
   * PSD and the project file read. Filled by the renderer (renderer/commands: `withLayerMaskAssets`)
   * when a document leaves it; any change of `maskId` clears it. Absent with `maskId` absent = no mask.
   */
  maskAssetId: v.optional(assetId),
  /**
   * A kept outpaint (canvas extension): the part of the layer that was already known when it was
   * generated (the original, or an earlier kept extension), in layer coordinates. The layer is opaque
   * everywhere else and fades into this part, so over it the picture is known: a later extension
   * fills only what lies outside (`knownRectOf`). Absent = an ordinary patch.
   */
  extension: v.optional(v.object({ known: v.object({ x: coord, y: coord, width: dim, height: dim }) })),
  /**
   * A merged layer (Merge down): the patches it was made of, lowest first (theirs too when they were
   * merged). Its own asset is new, so a staged candidate kept and then merged lost its "Kept" mark;
   * with this the strip still knows it is in the document (`isKept`). Absent = not merged.
   */
  mergedFrom: v.optional(v.pipe(v.array(assetId), v.maxLength(1024))),
});

const size = v.object({ width: dim, height: dim });
const rect = v.object({ x: coord, y: coord, width: dim, height: dim });

/** One step of a refined result's lineage: the candidate that was sent on as the new source. */
export const LineageStepSchema = v.object({
  model: text(300),
  modelName: text(300),
  prompt: text(64_000),
  costUsd: nonNegative,
});
export type LineageStep = v.InferOutput<typeof LineageStepSchema>;

/** One accepted generation, shown in the version strip (not the undo history). */
export const VersionSchema = v.object({
  id,
  layerId: id,
  model: text(300),
  /** The model's display name when kept ("GPT Image 2", "Offline fill"); older records have only `model`. */
  modelName: v.optional(text(300)),
  prompt: text(64_000),
  requestSize: size,
  region: rect,
  costUsd: nonNegative,
  seconds: nonNegative,
  requestId: v.optional(text(1024)),
  /** The offline engine's seed of this result (typed into the seed field, it repeats it). */
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1))),
  createdAt: v.pipe(v.number(), v.finite()),
  /** The document's patch layers right after this version was kept ("Restore version" sets them back). */
  layersAfter: v.optional(v.pipe(v.array(PatchLayerSchema), v.maxLength(1024))),
  /**
   * "Refine with…": the candidates this result was refined from, oldest first (e.g. a Nano Banana 2
   * draft polished by GPT Image 2). Absent = generated directly.
   */
  lineage: v.optional(v.pipe(v.array(LineageStepSchema), v.maxLength(16))),
  /**
   * The staged candidate it was kept from (its key, `${jobId}:${index}`). Candidates with the same
   * pixels share one patch asset, so the strip's "Kept" mark goes by this (it marked both). Absent in
   * older records: then by the patch.
   */
  candidate: v.optional(text(300)),
});

export const DocStateSchema = v.object({
  id,
  canvas: size,
  original: OriginalRefSchema,
  maskId: id,
  layers: v.pipe(v.array(PatchLayerSchema), v.maxLength(1024)),
  versions: v.pipe(v.array(VersionSchema), v.maxLength(10_000)),
});

export type OriginalRef = v.InferOutput<typeof OriginalRefSchema>;
export type PatchLayer = v.InferOutput<typeof PatchLayerSchema>;

/** Whether the layer shows (on screen and in every output). */
export const layerVisible = (l: PatchLayer): boolean => l.visible !== false;
/** The layer's opacity, 0…1. */
export const layerOpacity = (l: PatchLayer): number => l.opacity ?? 1;
/** The layer's blend mode. */
export const layerBlend = (l: PatchLayer): BlendMode => l.blend ?? 'normal';
/** Whether the layer has a layer mask (in the renderer or as an asset). */
export const layerHasMask = (l: PatchLayer): boolean => l.maskId !== undefined || l.maskAssetId !== undefined;
export type Version = v.InferOutput<typeof VersionSchema>;
export type DocState = v.InferOutput<typeof DocStateSchema>;

/** Deepest object/array nesting in JSON text, counted in one pass without recursion (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** The document in `text`, or null when it is not JSON, nested too deep, or not a document. */
export function parseDocument(text: string): DocState | null {
  if (jsonDepth(text) > MAX_DOCUMENT_DEPTH) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const r = v.safeParse(DocStateSchema, raw);
  return r.success ? r.output : null;
}

/** Every asset a document references (original, layers and their mask PNGs, layers kept by versions). */
export function documentAssetIds(doc: DocState): string[] {
  const ids = new Set<string>([doc.original.assetId]);
  const add = (l: PatchLayer) => {
    ids.add(l.assetId);
    if (l.maskAssetId) ids.add(l.maskAssetId);
  };
  for (const l of doc.layers) add(l);
  for (const ver of doc.versions) for (const l of ver.layersAfter ?? []) add(l);
  return [...ids];
}
