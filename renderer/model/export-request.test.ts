import { describe, expect, it } from 'vitest';
import type { DocState } from '../../shared/document/schema';
import { cutShortNote, exportRequest, losesDepth, openNotes } from './export-request';

const A = 'img-0123456789abcdef0123456789abcdef';
const P = (n: number) => `patch-${String(n).repeat(32)}`;
const doc: DocState = {
  id: 'doc-1',
  canvas: { width: 100, height: 80 },
  original: { assetId: A, name: 'a.png', width: 100, height: 80, x: 0, y: 0, hasIcc: false, hasExif: false, depth: 16 },
  maskId: 'm1',
  layers: [
    { id: 'l1', name: 'Vase · GPT Image 2', assetId: P(1), x: 1, y: 2, width: 10, height: 10 },
    { id: 'l2', name: 'Sky · Nano Banana 2', assetId: P(2), x: 3, y: 4, width: 10, height: 10, visible: false },
    { id: 'l3', name: 'Fill · Local', assetId: P(3), x: 5, y: 6, width: 10, height: 10, opacity: 0.5, maskAssetId: P(4) },
  ],
  versions: [
    {
      id: 'v1',
      layerId: 'l1',
      model: 'gpt-image-2',
      prompt: 'a glass vase',
      requestSize: { width: 1024, height: 1024 },
      region: { x: 0, y: 0, width: 10, height: 10 },
      costUsd: 0.05,
      seconds: 5,
      createdAt: 1,
    },
    {
      id: 'v2',
      layerId: 'l2',
      model: 'gemini-3.1-flash-image',
      prompt: 'blue sky',
      requestSize: { width: 1024, height: 1024 },
      region: { x: 0, y: 0, width: 10, height: 10 },
      costUsd: 0.06,
      seconds: 3,
      createdAt: 2,
    },
    {
      id: 'v3',
      layerId: 'l3',
      model: 'local',
      prompt: '',
      requestSize: { width: 10, height: 10 },
      region: { x: 0, y: 0, width: 10, height: 10 },
      costUsd: 0,
      seconds: 1,
      createdAt: 3,
    },
  ],
};

describe('export request', () => {
  it('sends every layer with name, hidden flag (document or screen), opacity and layer mask; models of the visible results only', () => {
    const r = exportRequest(doc, { l1: true }, 'psd', {});
    expect(r.layers).toEqual([
      { assetId: A, x: 0, y: 0 },
      { assetId: P(1), x: 1, y: 2, name: 'Vase · GPT Image 2', hidden: true },
      { assetId: P(2), x: 3, y: 4, name: 'Sky · Nano Banana 2', hidden: true },
      { assetId: P(3), x: 5, y: 6, name: 'Fill · Local', opacity: 0.5, maskAssetId: P(4) },
    ]);
    expect(r.provenance).toEqual({ models: ['local'] });
    expect(exportRequest(doc, {}, 'png', {}).provenance).toEqual({ models: ['gpt-image-2', 'local'] });
  });

  it('prompts only when the user opted in; TIFF compression only for TIFF', () => {
    expect(exportRequest(doc, {}, 'tiff', { includePrompts: true, tiffCompression: 'lzw' })).toMatchObject({
      tiffCompression: 'lzw',
      provenance: { models: ['gpt-image-2', 'local'], prompts: ['a glass vase'] },
    });
    expect(exportRequest(doc, {}, 'png', { tiffCompression: 'lzw' })).not.toHaveProperty('tiffCompression');
    // Keeping a JPEG original's data is the default: only turning it off is sent, and only for JPEG.
    expect(exportRequest(doc, {}, 'jpeg', { jpegKeepOriginal: false })).toMatchObject({ jpegKeepOriginal: false });
    expect(exportRequest(doc, {}, 'jpeg', { jpegKeepOriginal: true })).not.toHaveProperty('jpegKeepOriginal');
    expect(exportRequest(doc, {}, 'png', { jpegKeepOriginal: false })).not.toHaveProperty('jpegKeepOriginal');
  });

  it('a 16-bit document loses depth only in JPEG and WebP; opening notes for 16-bit and CMYK', () => {
    expect(['png', 'jpeg', 'webp', 'tiff', 'psd'].map((f) => losesDepth(doc, f as never))).toEqual([false, true, true, false, false]);
    expect(losesDepth({ ...doc, original: { ...doc.original, depth: undefined } }, 'jpeg')).toBe(false);
    expect(openNotes({ name: 'x.jpg', colourModel: 'cmyk', hasIcc: true })[0]).toMatch(/CMYK.*RGB.*own colour profile/);
    // Without an embedded profile it is converted with a generic one; the note said "own" all the same.
    expect(openNotes({ name: 'x.jpg', colourModel: 'cmyk', hasIcc: false })[0]).toMatch(
      /CMYK.*RGB.*generic CMYK profile, as the file has none/,
    );
    expect(openNotes({ name: 'x.png', depth: 16 })[0]).toMatch(/16 bits/);
    expect(openNotes({ name: 'x.png', depth: 8 })).toEqual([]);
  });

  it('a PSD with several layers says its flattened image opened; one with a single layer opens silently', () => {
    expect(openNotes({ name: 'x.psd', psd: { layers: 5, groups: 0 } })).toEqual([
      'x.psd has 5 layers; Maskwork opened the flattened image (its layers are not imported).',
    ]);
    // A single layer, or only a background, is the photo: nothing is left behind, as in Photoshop
    // (it said "its layer is not imported as separate layers").
    expect(openNotes({ name: 'x.psd', psd: { layers: 1, groups: 0 } })).toEqual([]);
    expect(openNotes({ name: 'x.psd', psd: { layers: 1, groups: 1 } })).toEqual([]);
    expect(openNotes({ name: 'x.psd', psd: { layers: 12, groups: 3 } })[0]).toBe(
      'x.psd has 12 layers in 3 groups; Maskwork opened the flattened image (its layers are not imported).',
    );
    expect(openNotes({ name: 'x.psd', psd: { layers: 2, groups: 1 } })[0]).toContain('has 2 layers in one group;');
    // Maskwork's own PSD: every layer counted, and named (it said "its layer is not imported" for Original, a result and the mask).
    expect(openNotes({ name: 'x.psd', psd: { layers: 3, groups: 0, maskworkResults: 1 } })[0]).toBe(
      'x.psd has 3 layers (the Original, 1 kept result and the hidden mask); Maskwork opened the flattened image (its layers are not imported).',
    );
    expect(openNotes({ name: 'x.psd', psd: { layers: 1, groups: 0, maskworkResults: 0 } })).toEqual([]);
    expect(openNotes({ name: 'x.psd', psd: { layers: 3, groups: 0, maskworkResults: 2 } })[0]).toContain(
      'has 3 layers (the Original and 2 kept results);',
    );
    expect(openNotes({ name: 'x.psd', psd: { layers: 0, groups: 0 } })).toEqual([]);
    expect(openNotes({ name: 'x.psd', depth: 16, psd: { layers: 2, groups: 0 } })).toHaveLength(2);
  });

  it('a JPEG cut short is said to be damaged, with the rows missing and what the export holds', () => {
    expect(cutShortNote({ name: 'photo.jpg', orientation: 1 })).toBeNull();
    expect(cutShortNote({ name: 'photo.jpg', orientation: 1, cutShort: { missingRows: 215 } })).toBe(
      'photo.jpg is damaged: the bottom 215 rows are missing — the file stops before its end (an interrupted download or copy?). Maskwork opened the rest, with those rows grey; exports have them grey too.',
    );
    expect(cutShortNote({ name: 'p.jpg', orientation: 6, cutShort: { missingRows: 1 } })).toContain(
      'is damaged: 1 row of its picture is missing',
    );
    expect(cutShortNote({ name: 'p.jpg', orientation: 1, cutShort: { missingRows: 0 } })).toMatch(/coarse or incomplete/);
  });
});
