/**
 * The `.maskwork` project manifest: what the renderer sends to save (the document, its undo history,
 * its masks as tile references) and what main writes as `manifest.json` with the asset list added.
 * Every document record in it — the current one and each history step — is parsed with THE document
 * schema (shared/document/schema.ts), so a field added there is carried by projects and autosaves
 * without a change here; since format 2 the steps' layer and version records are pooled, each written
 * once (shared/project/step-pack.ts). Pixels are never in the manifest: assets are zip entries and
 * the masks' tiles are one packed entry (shared/project/mask-pack.ts).
 */
import * as v from 'valibot';
import { DocStateSchema, PatchLayerSchema, VersionSchema } from '../document/schema';
import { packedIndexProblem } from './step-pack';

/** The `format` field of every manifest. */
export const PROJECT_FORMAT = 'maskwork-project';
/** The manifest version this build writes. Older versions are migrated (./migrations.ts); newer ones are refused. */
export const PROJECT_VERSION = 2;
/** File name extension of a project (without the dot). */
export const PROJECT_EXTENSION = 'maskwork';
/** Most undo steps a project keeps (the editor's own history limit). */
export const PROJECT_HISTORY_MAX = 100;
/** Deepest object/array nesting a manifest may have (a version's layersAfter in a history step is at 8). */
export const MAX_MANIFEST_DEPTH = 24;

/** Tile reference in a packed mask: a pool index (≥ 0), or one of these for uniform tiles. */
export const TILE_EMPTY = -1;
export const TILE_FULL = -2;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const dim = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e6));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e7));
const assetId = v.pipe(v.string(), v.regex(/^[a-z]+-[0-9a-f]{32}$/));

/** One mask: its size and one reference per 256² tile, row-major. */
export const PackedMaskSchema = v.object({
  width: dim,
  height: dim,
  tiles: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(TILE_FULL), v.maxValue(1e7))), v.maxLength(4_000_000)),
});

/** An index into one of the payload's pools. */
const poolIndex = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e7));

/** A version record of the pool: `layersAfter` holds indices into the layer pool. */
export const PackedVersionSchema = v.object({
  ...VersionSchema.entries,
  layersAfter: v.optional(v.pipe(v.array(poolIndex), v.maxLength(1024))),
});

/** A document of a step: THE document schema with `layers` and `versions` as indices into the pools. */
export const PackedDocSchema = v.object({
  ...DocStateSchema.entries,
  layers: v.pipe(v.array(poolIndex), v.maxLength(1024)),
  versions: v.pipe(v.array(poolIndex), v.maxLength(10_000)),
});

/** The longest prompt a project keeps (what a request can send); a longer box is saved cut to this. */
export const PROJECT_PROMPT_MAX = 32_000;

/** One state of the document with the label of the step that produced it (as in the History panel). */
export const ProjectStepSchema = v.object({ doc: PackedDocSchema, label: text(500) });

/** What the renderer sends: the document, the history around it, the masks and the project's settings. */
export const ProjectPayloadSchema = v.object({
  current: ProjectStepSchema,
  /** Undo steps, oldest first (at most PROJECT_HISTORY_MAX). */
  past: v.pipe(v.array(ProjectStepSchema), v.maxLength(PROJECT_HISTORY_MAX)),
  /** Redo steps, next first. */
  future: v.pipe(v.array(ProjectStepSchema), v.maxLength(PROJECT_HISTORY_MAX)),
  /** Every distinct layer record of the steps and their versions, once. */
  layers: v.pipe(v.array(PatchLayerSchema), v.maxLength(1_000_000)),
  /** Every distinct version record of the steps, once. */
  versions: v.pipe(v.array(PackedVersionSchema), v.maxLength(1_000_000)),
  /** Every mask id any step references → its tiles. */
  masks: v.record(text(200), PackedMaskSchema),
  /** Number of tiles in the packed pool. */
  tileCount: count,
  /** Reference images attached in the Generate panel. */
  references: v.optional(v.pipe(v.array(v.object({ assetId, name: text(1024), width: dim, height: dim })), v.maxLength(64)), []),
  /**
   * The Generate panel's prompt box as it was saved: the prompt and the text check's Text. Optional: a
   * project from an older Maskwork has none (its prompt box is left as it is).
   */
  prompt: v.optional(v.object({ prompt: text(PROJECT_PROMPT_MAX), text: text(PROJECT_PROMPT_MAX) })),
  /**
   * What was selected at the save: the Layers panel's layer (a layer id, or the original's row) and the
   * mask Reselect would bring back (a key of `masks`). Optional: an older project has neither.
   */
  selection: v.optional(v.object({ layer: v.optional(text(200)), reselectMaskId: v.optional(text(200)) })),
  /** The undo-step limit the project was saved with (the setting "Undo steps kept in projects"). */
  historyLimit: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(PROJECT_HISTORY_MAX)),
});

/** One asset of the project: its content address and the zip entry holding its bytes (absent: not embedded). */
export const ProjectAssetSchema = v.object({
  id: assetId,
  kind: v.picklist(['img', 'patch', 'reference', 'mask']),
  entry: v.optional(text(300)),
});

/** `manifest.json` of a project file. */
export const ProjectManifestSchema = v.object({
  format: v.literal(PROJECT_FORMAT),
  version: v.literal(PROJECT_VERSION),
  /** App version that wrote the file. */
  app: text(100),
  /** ms since the epoch. */
  savedAt: v.pipe(v.number(), v.finite()),
  /** False for an autosave: its assets stay in the session's asset folder instead of the file. */
  embedded: v.boolean(),
  project: ProjectPayloadSchema,
  assets: v.pipe(v.array(ProjectAssetSchema), v.maxLength(20_000)),
});

export type PackedMask = v.InferOutput<typeof PackedMaskSchema>;
export type ProjectStep = v.InferOutput<typeof ProjectStepSchema>;
export type ProjectPayload = v.InferOutput<typeof ProjectPayloadSchema>;
export type ProjectPayloadInput = v.InferInput<typeof ProjectPayloadSchema>;
export type ProjectAsset = v.InferOutput<typeof ProjectAssetSchema>;
export type ProjectManifest = v.InferOutput<typeof ProjectManifestSchema>;

/** The first problem valibot found, as "path: message". */
export function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const i = issues[0];
  const path = i?.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${i.message}` : (i?.message ?? 'invalid');
}

/** Every mask id a document record references: any `maskId` field at any depth (the document's, a layer's). */
export function maskIdsOf(value: unknown, out = new Set<string>()): Set<string> {
  const stack: unknown[] = [value];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      for (const [k, val] of Object.entries(x)) {
        if (k === 'maskId' && typeof val === 'string') out.add(val);
        else if (val && typeof val === 'object') stack.push(val);
      }
    }
  }
  return out;
}

/** A copy of a record with every `maskId` field replaced through `map` (ids not in it stay). */
export function remapMaskIds<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((x) => remapMaskIds(x, map)) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(value)) {
    out[k] = k === 'maskId' && typeof val === 'string' ? (map.get(val) ?? val) : remapMaskIds(val, map);
  }
  return out as T;
}

/**
 * What the schema alone cannot see: a mask id some step references that has no packed mask, or a
 * tile reference past the pool. Null when the payload is consistent.
 */
export function payloadProblem(p: ProjectPayload): string | null {
  const steps = [p.current, ...p.past, ...p.future];
  const index = packedIndexProblem({ steps, layers: p.layers, versions: p.versions });
  if (index) return index;
  for (const step of steps) {
    for (const id of maskIdsOf(step.doc)) if (!p.masks[id]) return `the mask ${id} of “${step.label}” is missing`;
  }
  for (const l of p.layers) if (l.maskId && !p.masks[l.maskId]) return `the mask ${l.maskId} of the layer “${l.name}” is missing`;
  const reselect = p.selection?.reselectMaskId;
  if (reselect && !p.masks[reselect]) return `the mask ${reselect} Reselect brings back is missing`;
  for (const [id, m] of Object.entries(p.masks)) {
    if (m.tiles.some((t) => t >= p.tileCount)) return `the mask ${id} refers to a tile that is not in the file`;
  }
  return null;
}

/** The kind of an asset, from its content address (`patch-…` → patch); null for an unknown kind. */
export function assetKindOf(id: string): 'img' | 'patch' | 'reference' | 'mask' | null {
  const k = id.slice(0, id.indexOf('-'));
  return k === 'img' || k === 'patch' || k === 'reference' || k === 'mask' ? k : null;
}

/**
 * Every asset a project references: each step's original, every pooled layer's image and layer mask
 * (what `documentAssetIds` lists for a whole document) and the reference images.
 */
export function projectAssetIds(p: ProjectPayload): { id: string; kind: 'img' | 'patch' | 'reference' | 'mask' }[] {
  const ids = new Set<string>();
  for (const step of [p.current, ...p.past, ...p.future]) ids.add(step.doc.original.assetId);
  for (const l of p.layers) {
    ids.add(l.assetId);
    if (l.maskAssetId) ids.add(l.maskAssetId);
  }
  for (const r of p.references) ids.add(r.assetId);
  return [...ids].flatMap((id) => {
    const kind = assetKindOf(id);
    return kind ? [{ id, kind }] : [];
  });
}
