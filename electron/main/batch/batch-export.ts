/**
 * Batch results out of main: small before/after previews for the review grid, and every kept result
 * written to a folder at full resolution through the single-export pipeline (EXIF and ICC kept,
 * pixels outside the feather band the original's), never replacing a file that exists.
 */
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { BatchItemRecord, BatchRecord } from '../../../shared/batch/batch-types';
import type { BatchExportFormat, BatchExportResult } from '../../../shared/ipc/batch-contract';
import { layerName } from '../../../shared/document/layer-name';
import { getModel } from '../../../shared/models/catalog';
import type { AssetStore } from '../services/asset-store';
import type { PlacedAsset } from '../export/export-types';
import { renderExport } from '../services/image-export';
import { exportToFile, openImageFile } from '../services/image-files';
import { outputStems } from './batch-files';

const PREVIEW_EDGE = 512;

async function layersOf(store: AssetStore, item: BatchItemRecord) {
  const img = await openImageFile(store, item.image);
  const layers: PlacedAsset[] = [{ assetId: img.assetId, x: 0, y: 0 }];
  if (item.result) layers.push({ assetId: item.result.assetId, x: item.result.region.x, y: item.result.region.y });
  return { canvas: { width: img.width, height: img.height }, layers };
}

const small = async (bytes: Uint8Array) =>
  new Uint8Array(
    await sharp(bytes)
      .autoOrient()
      .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82 })
      .toBuffer(),
  );

/** The photo and, when there is a result, the photo with it composited, both at most 512 px. */
export async function previewItem(store: AssetStore, item: BatchItemRecord): Promise<{ before: Uint8Array; after: Uint8Array | null }> {
  const { canvas, layers } = await layersOf(store, item);
  const before = await small(await store.get(layers[0].assetId));
  if (!item.result) return { before, after: null };
  const out = await renderExport(store, { canvas, layers, format: 'png' });
  return { before, after: await small(out.bytes) };
}

/**
 * Writes `<stem>-edited.<ext>` for every kept item into `folder`; one failure does not stop the rest.
 * Two images of the batch with one stem get their extensions in the name (`photo-jpg-edited.png`,
 * `photo-png-edited.png`: outputStems, over the whole batch so a name does not depend on what is
 * kept); a file already in the folder is never replaced (that item fails with "already exists").
 */
export async function exportKept(
  store: AssetStore,
  b: BatchRecord,
  folder: string,
  format: BatchExportFormat,
  quality?: number,
): Promise<BatchExportResult> {
  const kept = b.items.filter((i) => i.review === 'kept' && i.result);
  if (!kept.length) throw new AppError({ kind: 'invalid-request', message: 'Keep at least one result before exporting.', rule: 'review' });
  const ext = format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : format;
  const written: string[] = [];
  const failed: BatchExportResult['failed'] = [];
  const stems = outputStems(b.items.map((i) => i.name));
  const stemOf = new Map(b.items.map((i, n) => [i, stems[n]]));
  for (const item of kept) {
    const target = join(folder, `${stemOf.get(item)}-edited.${ext}`);
    try {
      const { canvas, layers } = await layersOf(store, item);
      // A PSD's result layer is named as the app names a kept layer (prompt words · model).
      if (layers[1]) layers[1] = { ...layers[1], name: layerName(getModel(b.model)?.name ?? b.model, b.prompt) };
      // The edit record names the batch's model, as a single export and the CLI do (it said "Maskwork" alone).
      const provenance = { models: [b.model] };
      const r = await exportToFile(store, { canvas, layers, format, provenance, ...(quality ? { quality } : {}) }, target, {
        replaceExisting: false,
      });
      written.push(basename(r.path));
      // Clear finished leaves a batch whose kept results were not exported; this one was.
      item.exported = item.result?.assetId;
    } catch (e) {
      // A file in the way is named as such: the single export's "Choose another name" is no advice here (a batch picks a folder).
      if (e instanceof AppError && e.info.rule === 'exists')
        failed.push({ name: item.name, message: `${basename(target)} is already in the folder`, exists: basename(target) });
      else failed.push({ name: item.name, message: e instanceof AppError ? e.message : String(e) });
    }
  }
  return { folder, written, failed };
}
