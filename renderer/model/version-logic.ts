/**
 * Document updates for keeping candidates, restoring versions and deleting layers. Pure functions
 * `DocState → DocState` that the edit commands pass to `commit`, so each is one undo step.
 */
import { shortModelName } from '../../shared/models/display-name';
import { getModel } from '../../shared/models';
import type { DocState, PatchLayer, Version } from './document-types';
import type { StagedCandidate } from './staging-logic';

export { LAYER_NAME_PROMPT_CHARS, layerName } from '../../shared/document/layer-name';
import { layerName } from '../../shared/document/layer-name';

/**
 * The name of the layer a kept candidate becomes (`n` ≥ 2 for a name already taken): the prompt and
 * the model, except for the offline engine, which does not read the prompt — its layers are named
 * for what made them: "Offline fill", "Offline fill 2", ….
 */
export function candidateLayerName(c: Pick<StagedCandidate, 'model' | 'modelName' | 'prompt'>, n = 1): string {
  if (getModel(c.model)?.provider === 'local') return `Offline fill${n > 1 ? ` ${n}` : ''}`;
  return layerName(c.modelName || c.model, c.prompt, n);
}

/** A model's display name ("GPT Image 2", "Offline fill"), the id itself for one the catalog does not know. */
export function modelDisplayName(model: string): string {
  return getModel(model)?.name ?? model;
}

/** The model a version was kept from, as the picker and the candidate's card named it. */
export function versionModelName(v: Pick<Version, 'model' | 'modelName'>): string {
  return v.modelName || modelDisplayName(v.model);
}

/**
 * The version a layer came from: the one kept as it (`layerId`), else the one whose kept layer has the
 * same pixels (a duplicate of it); null for a layer no version made (a merge).
 */
export function versionOfLayer(doc: Pick<DocState, 'versions'>, layer: Pick<PatchLayer, 'id' | 'assetId'>): Version | null {
  const own = doc.versions.findLast((v) => v.layerId === layer.id);
  if (own) return own;
  return doc.versions.findLast((v) => v.layersAfter?.some((l) => l.id === v.layerId && l.assetId === layer.assetId)) ?? null;
}

/**
 * What a layer row's tooltip (and accessible description) says besides its name: the whole prompt of
 * the layer's version and the model, which the name shortens. The offline engine does not read the
 * prompt, so its layers name only the model.
 */
export function layerOriginLines(v: Pick<Version, 'model' | 'modelName' | 'prompt'> | null): string[] {
  if (!v) return [];
  const model = versionModelName(v);
  const prompt = v.prompt.trim();
  if (getModel(v.model)?.provider === 'local' || !prompt) return [`Model: ${model}`];
  return [`Prompt: ${prompt}`, `Model: ${model}`];
}

/**
 * The History step of a Keep: "Keep GPT Image 2 result", "Keep Nano Banana 2 result" (the short name,
 * as the candidate's card: the whole took two lines of History and was cut in the status bar).
 */
export function keepStepLabel(c: Pick<StagedCandidate, 'model' | 'modelName'>, alreadyLayer = false): string {
  return `Keep ${shortModelName(c.modelName || modelDisplayName(c.model))} result${alreadyLayer ? ' (already a layer)' : ''}`;
}

/**
 * The first of `nameFor(1)`, `nameFor(2)`, … that no layer has: a second result kept from the same
 * prompt and model is "Glass vase 2 · GPT Image 2" (Photoshop: "Generative Layer 2"), never a twin.
 */
export function firstFreeName(nameFor: (n: number) => string, layers: readonly { name: string }[]): string {
  const taken = new Set(layers.map((l) => l.name));
  for (let n = 1; ; n++) if (!taken.has(nameFor(n))) return nameFor(n);
}

/** Adds the candidate as a patch layer on top plus its version record (with the layers after it). */
export function keepCandidate(doc: DocState, c: StagedCandidate, ids: { layerId: string; versionId: string; now: number }): DocState {
  const layer: PatchLayer = {
    id: ids.layerId,
    name: firstFreeName((n) => candidateLayerName(c, n), doc.layers),
    assetId: c.assetId,
    x: c.region.x,
    y: c.region.y,
    width: c.region.width,
    height: c.region.height,
    ...(c.extension ? { extension: { known: { ...c.extension.known } } } : {}),
  };
  const layers = [...doc.layers, layer];
  const version: Version = {
    id: ids.versionId,
    layerId: layer.id,
    model: c.model,
    modelName: c.modelName || modelDisplayName(c.model),
    prompt: c.prompt,
    requestSize: { ...c.requestSize },
    region: { ...c.region },
    costUsd: c.costUsd,
    seconds: c.seconds,
    requestId: c.requestId,
    ...(c.seed !== undefined ? { seed: c.seed } : {}),
    createdAt: ids.now,
    layersAfter: layers,
    ...(c.lineage?.length ? { lineage: c.lineage.map((l) => ({ ...l })) } : {}),
    candidate: c.key,
  };
  return { ...doc, layers, versions: [...doc.versions, version] };
}

/** `true` when the candidate's patch is already a layer of the document, or merged down into one. */
export function isKept(doc: DocState | null, assetId: string): boolean {
  return !!keptLayerOf(doc, assetId);
}

/** The patch a version kept (its layer's, right after the Keep); undefined for an older record. */
const keptPatchOf = (v: Version): string | undefined => v.layersAfter?.find((l) => l.id === v.layerId)?.assetId;

/**
 * `true` when this candidate was kept — the strip's "Kept" mark and Keep as layer's off state. Two
 * candidates with the same pixels (the offline engine's same seed) share one patch, and both read
 * Kept after one was: the Keeps that put the patch in the document say which candidate (by its key)
 * was kept, those whose layer is still there first. Without such a record (older documents), by the patch.
 */
export function candidateKept(doc: DocState | null, c: Pick<StagedCandidate, 'assetId' | 'key'>): boolean {
  if (!doc || !keptLayerOf(doc, c.assetId)) return false;
  const keeps = doc.versions.filter((v) => keptPatchOf(v) === c.assetId);
  const live = keeps.filter((v) => doc.layers.some((l) => l.id === v.layerId && l.assetId === c.assetId));
  const from = live.length ? live : keeps;
  if (!from.length || from.some((v) => v.candidate === undefined)) return true;
  return from.some((v) => v.candidate === c.key);
}

/** The layer that holds the candidate's patch: its own, or the layer it was merged down into. */
export function keptLayerOf(doc: DocState | null, assetId: string): PatchLayer | undefined {
  const layers = doc?.layers ?? [];
  return layers.find((l) => l.assetId === assetId) ?? layers.find((l) => l.mergedFrom?.includes(assetId));
}

/**
 * The layers as they were right after `version` was kept. Versions recorded without a snapshot fall
 * back to the current layers up to and including the version's own layer (null if it is gone).
 */
export function layersForVersion(doc: DocState, versionId: string): PatchLayer[] | null {
  const v = doc.versions.find((x) => x.id === versionId);
  if (!v) return null;
  if (v.layersAfter) return v.layersAfter;
  const at = doc.layers.findIndex((l) => l.id === v.layerId);
  return at < 0 ? null : doc.layers.slice(0, at + 1);
}

/** Sets the layers to the version's snapshot; returns `doc` itself when nothing would change. */
export function restoreVersion(doc: DocState, versionId: string): DocState {
  const layers = layersForVersion(doc, versionId);
  if (!layers || sameLayers(layers, doc.layers)) return doc;
  return { ...doc, layers };
}

export function deleteLayer(doc: DocState, layerId: string): DocState {
  if (!doc.layers.some((l) => l.id === layerId)) return doc;
  return { ...doc, layers: doc.layers.filter((l) => l.id !== layerId) };
}

export function totalCost(versions: readonly Version[]): number {
  return Math.round(versions.reduce((sum, v) => sum + (v.costUsd || 0), 0) * 1e6) / 1e6;
}

function sameLayers(a: readonly PatchLayer[], b: readonly PatchLayer[]): boolean {
  return (
    a.length === b.length &&
    // Layer properties (visibility, opacity, layer mask) count too: restoring them is a change.
    a.every((l, i) => l === b[i] || JSON.stringify(l) === JSON.stringify(b[i]))
  );
}
