/**
 * Layer masks leaving the renderer: a layer mask lives in the mask store while it is painted; main,
 * PSD and the project file read it as a grey PNG asset. `withLayerMaskAssets` uploads every layer
 * mask the document uses that main has not got yet (masks are immutable, so each is uploaded once)
 * and returns the document with `maskAssetId` filled — call it before sending a document anywhere.
 * `read`: where the masks come from (a save passes the store as it was when it started: `maskReader`).
 */
import type { DocState, PatchLayer } from '../../shared/document/schema';
import { api, unwrap } from './bridge';
import { getMask, putMask } from './blob-store';
import { decodeMaskPng, encodeMaskPng } from './mask-encode';
import { applyCoverage, createEmptyMask, type TiledMask } from '../../shared/mask';
import { layerMaskIds, withMaskAssets } from '../model/layer-logic';

/** mask-store id → asset id of its PNG in main. */
const uploaded = new Map<string, string>();

export async function withLayerMaskAssets(doc: DocState, read: (id: string) => TiledMask = getMask): Promise<DocState> {
  for (const id of layerMaskIds(doc)) {
    if (uploaded.has(id)) continue;
    const mask = read(id);
    const png = await encodeMaskPng(mask, { x: 0, y: 0, width: mask.width, height: mask.height });
    const { assetId } = await unwrap(api().asset.put({ bytes: png, kind: 'mask' }));
    uploaded.set(id, assetId);
  }
  return withMaskAssets(doc, uploaded);
}

/**
 * A document read back from main (restored session, project file): its layer masks come from their
 * PNG assets (`bytes` by asset id) into the mask store; a mask that cannot be read is dropped (the
 * layer then shows whole) rather than failing the whole document.
 */
export async function adoptLayerMasks(doc: DocState, bytes: (assetId: string) => Uint8Array | undefined): Promise<DocState> {
  const fresh = new Map<string, string>();
  const unmasked = ({ maskId: _id, maskAssetId: _asset, ...rest }: PatchLayer): PatchLayer => rest;
  const adopt = async (l: PatchLayer): Promise<PatchLayer> => {
    if (!l.maskAssetId) return l.maskId ? unmasked(l) : l; // a mask id from another session means nothing here
    let id = fresh.get(l.maskAssetId);
    if (!id) {
      const png = bytes(l.maskAssetId);
      const values = png ? await decodeMaskPng(png, l.width, l.height).catch(() => null) : null;
      if (!values) return unmasked(l);
      const rect = { x: 0, y: 0, width: l.width, height: l.height };
      id = putMask(applyCoverage(createEmptyMask(l.width, l.height), { rect, data: values }, 'replace'));
      fresh.set(l.maskAssetId, id);
      uploaded.set(id, l.maskAssetId);
    }
    return { ...l, maskId: id };
  };
  const layers = await Promise.all(doc.layers.map(adopt));
  const versions = await Promise.all(
    doc.versions.map(async (v) => (v.layersAfter ? { ...v, layersAfter: await Promise.all(v.layersAfter.map(adopt)) } : v)),
  );
  return { ...doc, layers, versions };
}
