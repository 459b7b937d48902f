/**
 * Recovery validates the autosave (a project file) with the shared document schema
 * (shared/document/schema.ts, through shared/project/project-schema.ts) and never walks it
 * recursively: a deeply nested or malformed autosave gives "nothing to restore", not a stack
 * overflow; a well-formed one still restores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, MAX_DOCUMENT_DEPTH } from '../../../shared/document/schema';
import { makePng } from '../../servers';
import { startMain, type MainHarness } from '../../support/main-harness';
import { strToU8 } from 'fflate';
import { MIMETYPE, zipWithChecksums } from '../../../electron/main/project/project-container';
import { packMasks } from '../../../shared/project/mask-pack';

let main: MainHarness;
let original: { assetId: string; width: number; height: number };
beforeAll(async () => {
  main = await startMain();
  const img = await main.call('image:import', { bytes: new Uint8Array(await makePng(64, 48)), name: 'p.png' });
  original = { assetId: img.assetId, width: img.width, height: img.height };
});
afterAll(async () => main?.close());

function doc(extra: Record<string, unknown> = {}) {
  return {
    id: 'doc-1',
    canvas: { width: original.width, height: original.height },
    original: { ...original, name: 'p.png', x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: 'mask-1',
    layers: [],
    versions: [],
    ...extra,
  };
}

/** Writes an autosave whose current document record is `text` (checksums valid), then recovers it. */
async function saveAndRecover(text: string) {
  const manifest = `{"format":"maskwork-project","version":1,"app":"t","savedAt":1,"embedded":false,"project":{"current":{"doc":${text},"label":"x"},"past":[],"future":[],"masks":{"mask-1":{"width":${original.width},"height":${original.height},"tiles":[-1]}},"tileCount":0,"historyLimit":100},"assets":[{"id":"${original.assetId}","kind":"img"}]}`;
  const bytes = zipWithChecksums({
    mimetype: strToU8(MIMETYPE),
    'manifest.json': strToU8(manifest),
    'masks/tiles.bin': packMasks(new Map()).pool,
  });
  await main.svc.autosave.save(bytes);
  return main.callRaw('project:recover', {});
}

describe('recovering a hostile autosave', () => {
  it('deep nesting (500 000 levels) is refused without recursion', async () => {
    const deep = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    const text = JSON.stringify(doc()).replace('"layers":[]', `"layers":[${deep}]`);
    const r = await saveAndRecover(text);
    expect(r).toEqual({ ok: true, value: null });
  });

  it('deep nesting in an unknown field is refused too', async () => {
    const text = JSON.stringify(doc()).replace(/}$/, `,"extra":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`);
    expect(await saveAndRecover(text)).toEqual({ ok: true, value: null });
  });

  it('a document of the wrong shape is refused', async () => {
    for (const bad of [
      doc({ layers: 'x' }),
      doc({ canvas: { width: -1, height: 2 } }),
      { ...doc(), original: { assetId: '../../x' } },
      [],
    ]) {
      expect(await saveAndRecover(JSON.stringify(bad))).toEqual({ ok: true, value: null });
    }
  });

  it('a well-formed document still restores', async () => {
    const r = await saveAndRecover(JSON.stringify(doc()));
    expect(r.ok).toBe(true);
    expect(r.value?.assets?.[original.assetId]).toBeDefined();
  });
});

describe('parseDocument', () => {
  it('accepts a document, rejects depth beyond the limit', () => {
    expect(parseDocument(JSON.stringify(doc()))?.original.assetId).toBe(original.assetId);
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseDocument(JSON.stringify(doc()).replace('"layers":[]', `"layers":${nested(MAX_DOCUMENT_DEPTH + 1)}`))).toBeNull();
    expect(parseDocument('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).toBeNull(); // brackets inside strings do not count, but the shape is wrong
  });
});
