/** Project payloads for tests: a document as a one-step project (optionally with a mask), and reading an autosave back. */
import { strFromU8, unzipSync } from 'fflate';
import { createEmptyMask, type TiledMask } from '../../shared/mask';
import { packMasks, unpackMask, unpackPool } from '../../shared/project/mask-pack';
import { packSteps, unpackSteps } from '../../shared/project/step-pack';
import type { DocState } from '../../shared/document/schema';

interface DocLike {
  maskId: string;
  canvas: { width: number; height: number };
}

/**
 * A complete one-photo document (recovery and project loading validate it with
 * shared/document/schema.ts) around an opened image: no layers, no versions, mask `mask-1`.
 */
export function photoDoc(opened: { assetId: string; width: number; height: number }, name: string, extra: { sourcePath?: string } = {}) {
  return {
    id: 'doc-1',
    canvas: { width: opened.width, height: opened.height },
    original: {
      assetId: opened.assetId,
      name,
      ...extra,
      width: opened.width,
      height: opened.height,
      x: 0,
      y: 0,
      hasIcc: false,
      hasExif: false,
    },
    maskId: 'mask-1',
    layers: [],
    versions: [],
  };
}

/** `project:autosave` / `project:save` request for `doc` alone (no history), its mask `mask` or empty. */
export function oneStepProject(doc: DocLike, opts: { mask?: TiledMask; label?: string; past?: { doc: DocLike; label: string }[] } = {}) {
  const mask = opts.mask ?? createEmptyMask(doc.canvas.width, doc.canvas.height);
  const masks = new Map<string, TiledMask>([[doc.maskId, mask]]);
  for (const p of opts.past ?? [])
    if (!masks.has(p.doc.maskId)) masks.set(p.doc.maskId, createEmptyMask(p.doc.canvas.width, p.doc.canvas.height));
  const packed = packMasks(masks);
  const past = opts.past ?? [];
  const steps = packSteps([{ doc, label: opts.label ?? 'Open' }, ...past] as unknown as { doc: DocState; label: string }[]);
  const payload = {
    current: steps.steps[0],
    past: steps.steps.slice(1),
    future: [],
    layers: steps.layers,
    versions: steps.versions,
    masks: packed.masks,
    tileCount: packed.tileCount,
    references: [],
    historyLimit: 100,
  };
  return { project: JSON.stringify(payload), tiles: packed.pool };
}

/** A project payload (`project:recover`, a manifest's `project`) with its steps' documents unpacked from the pools. */
export function unpackedProject(p: any) {
  const steps = unpackSteps({ steps: [p.current, ...p.past, ...p.future], layers: p.layers, versions: p.versions });
  return { ...p, current: steps[0], past: steps.slice(1, 1 + p.past.length), future: steps.slice(1 + p.past.length) };
}

/**
 * The manifest of a project file's bytes and its masks by id (no checks: for assertions), with the
 * steps' documents unpacked from the pools (`manifest.project.current.doc.layers` are layer records).
 */
export function readProjectBytes(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json']));
  manifest.project = unpackedProject(manifest.project);
  const pool = unpackPool(files['masks/tiles.bin']);
  const masks = new Map<string, TiledMask>(
    Object.entries(manifest.project.masks as Record<string, Parameters<typeof unpackMask>[0]>).map(([id, m]) => [id, unpackMask(m, pool)]),
  );
  return { manifest, files, masks };
}

/** A payload written with every step's document in full (as format 1 had them), pooled as `project:save` takes it. */
export function pooledPayload<
  P extends {
    current: { doc: unknown; label: string };
    past: { doc: unknown; label: string }[];
    future: { doc: unknown; label: string }[];
  },
>(p: P) {
  const steps = packSteps([p.current, ...p.past, ...p.future] as unknown as { doc: DocState; label: string }[]);
  return {
    ...p,
    current: steps.steps[0],
    past: steps.steps.slice(1, 1 + p.past.length),
    future: steps.steps.slice(1 + p.past.length),
    layers: steps.layers,
    versions: steps.versions,
  };
}
