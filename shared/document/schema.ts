/**
 * THE document schema: the records the renderer keeps (renderer/store/document-types.ts derives its
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
});

/** An accepted result: a region-sized RGBA bitmap (alpha = feathered mask) placed at x,y. */
export const PatchLayerSchema = v.object({ id, name: text(1024), assetId, x: coord, y: coord, width: dim, height: dim });

const size = v.object({ width: dim, height: dim });
const rect = v.object({ x: coord, y: coord, width: dim, height: dim });

/** One accepted generation, shown in the version strip (not the undo history). */
export const VersionSchema = v.object({
  id,
  layerId: id,
  model: text(300),
  prompt: text(64_000),
  requestSize: size,
  region: rect,
  costUsd: nonNegative,
  seconds: nonNegative,
  requestId: v.optional(text(1024)),
  createdAt: v.pipe(v.number(), v.finite()),
  /** The document's patch layers right after this version was kept ("Restore version" sets them back). */
  layersAfter: v.optional(v.pipe(v.array(PatchLayerSchema), v.maxLength(1024))),
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

/** Every asset a document references (original, layers, layers kept by versions). */
export function documentAssetIds(doc: DocState): string[] {
  const ids = new Set<string>([doc.original.assetId]);
  for (const l of doc.layers) ids.add(l.assetId);
  for (const ver of doc.versions) for (const l of ver.layersAfter ?? []) ids.add(l.assetId);
  return [...ids];
}
