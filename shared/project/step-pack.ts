/**
 * History steps as a project stores them: every distinct layer record and every distinct version
 * record once, in two pools, and each step's document pointing into them by index. The undo history
 * repeats the same layers and versions in every step, and each version carries the layers right
 * after it (`layersAfter`): written out in full, 100 steps of a document with 90 kept layers were
 * 41 MB of JSON (≈ steps × layers²); pooled, each record is written once and a step costs a few
 * numbers per layer. Pure: no DOM, no Node.
 */
import type { DocState, PatchLayer, Version } from '../document/schema';

/** A version whose `layersAfter` holds indices into the layer pool. */
export type PackedVersion = Omit<Version, 'layersAfter'> & { layersAfter?: number[] };
/** A document whose `layers` index the layer pool and `versions` the version pool. */
export type PackedDoc = Omit<DocState, 'layers' | 'versions'> & { layers: number[]; versions: number[] };

export interface PackedSteps<L = string> {
  steps: { doc: PackedDoc; label: L }[];
  layers: PatchLayer[];
  versions: PackedVersion[];
}

/**
 * Pools records: the same object is looked up by identity (the renderer's history shares them), an
 * equal copy by its JSON text (records made anew, e.g. read from an older file).
 */
class Pool<T extends object> {
  readonly items: T[] = [];
  private byRef = new Map<object, number>();
  private byText = new Map<string, number>();

  /** Index of `source`, whose pooled form `make` builds (only on a miss by identity). */
  index(source: object, make: () => T): number {
    const hit = this.byRef.get(source);
    if (hit !== undefined) return hit;
    const item = make();
    const text = JSON.stringify(item);
    let i = this.byText.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(item);
      this.byText.set(text, i);
    }
    this.byRef.set(source, i);
    return i;
  }
}

/** Packs the steps' documents (current first, then the others, in any order the caller keeps). */
export function packSteps<L>(steps: readonly { doc: DocState; label: L }[]): PackedSteps<L> {
  const layers = new Pool<PatchLayer>();
  const versions = new Pool<PackedVersion>();
  const layerIndex = (l: PatchLayer) => layers.index(l, () => l);
  const layerList = (list: readonly PatchLayer[]) => list.map(layerIndex);
  const versionIndex = (ver: Version) =>
    versions.index(ver, () => {
      const { layersAfter, ...rest } = ver;
      return layersAfter ? { ...rest, layersAfter: layerList(layersAfter) } : rest;
    });
  const packed = steps.map(({ doc, label }) => ({
    doc: { ...doc, layers: layerList(doc.layers), versions: doc.versions.map(versionIndex) },
    label,
  }));
  return { steps: packed, layers: layers.items, versions: versions.items };
}

/**
 * The first index in the packed steps that points outside its pool, as a sentence; null when all
 * resolve. Checked before unpacking anything read from a file or another process.
 */
export function packedIndexProblem(p: {
  steps: readonly { doc: PackedDoc; label: string }[];
  layers: readonly unknown[];
  versions: readonly PackedVersion[];
}): string | null {
  for (const [i, v] of p.versions.entries()) {
    if (v.layersAfter?.some((x) => x >= p.layers.length)) return `version ${i} refers to a layer that is not in the file`;
  }
  for (const { doc, label } of p.steps) {
    if (doc.layers.some((x) => x >= p.layers.length)) return `a layer of “${label}” is not in the file`;
    if (doc.versions.some((x) => x >= p.versions.length)) return `a version of “${label}” is not in the file`;
  }
  return null;
}

/**
 * The full documents again, sharing one object per pooled record between steps (as the editor's own
 * history does). `layer` maps each pooled layer once (e.g. new mask ids) and may drop it (null: its
 * image is gone), which removes it from every step and version. Indices must have been checked.
 */
export function unpackSteps<L>(p: PackedSteps<L>, layer: (l: PatchLayer) => PatchLayer | null = (l) => l): { doc: DocState; label: L }[] {
  const layers = p.layers.map(layer);
  const pick = (xs: readonly number[]) => xs.flatMap((x) => (layers[x] ? [layers[x]] : []));
  const versions: Version[] = p.versions.map((v) => {
    const { layersAfter, ...rest } = v;
    return layersAfter ? { ...rest, layersAfter: pick(layersAfter) } : rest;
  });
  return p.steps.map(({ doc, label }) => ({
    doc: { ...doc, layers: pick(doc.layers), versions: doc.versions.map((x) => versions[x]) },
    label,
  }));
}
