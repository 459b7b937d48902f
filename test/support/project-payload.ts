/** Project payloads for tests: a document as a one-step project (optionally with a mask), and reading an autosave back. */
import { strFromU8, unzipSync } from 'fflate';
import { createEmptyMask, type TiledMask } from '../../shared/mask';
import { packMasks, unpackMask, unpackPool } from '../../shared/project/mask-pack';

interface DocLike {
  maskId: string;
  canvas: { width: number; height: number };
}

/** `project:autosave` / `project:save` request for `doc` alone (no history), its mask `mask` or empty. */
export function oneStepProject(doc: DocLike, opts: { mask?: TiledMask; label?: string; past?: { doc: DocLike; label: string }[] } = {}) {
  const mask = opts.mask ?? createEmptyMask(doc.canvas.width, doc.canvas.height);
  const masks = new Map<string, TiledMask>([[doc.maskId, mask]]);
  for (const p of opts.past ?? [])
    if (!masks.has(p.doc.maskId)) masks.set(p.doc.maskId, createEmptyMask(p.doc.canvas.width, p.doc.canvas.height));
  const packed = packMasks(masks);
  const payload = {
    current: { doc, label: opts.label ?? 'Open' },
    past: opts.past ?? [],
    future: [],
    masks: packed.masks,
    tileCount: packed.tileCount,
    references: [],
    historyLimit: 100,
  };
  return { project: JSON.stringify(payload), tiles: packed.pool };
}

/** The manifest of a project file's bytes and its masks by id (no checks: for assertions). */
export function readProjectBytes(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json']));
  const pool = unpackPool(files['masks/tiles.bin']);
  const masks = new Map<string, TiledMask>(
    Object.entries(manifest.project.masks as Record<string, Parameters<typeof unpackMask>[0]>).map(([id, m]) => [id, unpackMask(m, pool)]),
  );
  return { manifest, files, masks };
}
