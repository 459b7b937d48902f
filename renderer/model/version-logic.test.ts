import { describe, expect, it } from 'vitest';
import type { DocState } from './document-types';
import type { StagedCandidate } from './staging-logic';
import {
  candidateKept,
  deleteLayer,
  isKept,
  keepCandidate,
  keepStepLabel,
  layerName,
  layerOriginLines,
  layersForVersion,
  restoreVersion,
  totalCost,
  versionModelName,
  versionOfLayer,
} from './version-logic';

const doc0: DocState = {
  id: 'doc',
  canvas: { width: 1000, height: 800 },
  original: { assetId: 'img-original-0001', name: 'a.jpg', width: 1000, height: 800, x: 0, y: 0, hasIcc: false, hasExif: false },
  maskId: 'mask-1',
  layers: [],
  versions: [],
};

function cand(n: number, model = 'gpt-image-2'): StagedCandidate {
  return {
    key: `j:${n}`,
    jobId: 'j',
    docId: 'doc',
    index: n,
    model,
    modelName: model,
    prompt: 'replace the sign with a clean brick wall please',
    assetId: `patch-${n}-0000`,
    region: { x: 10 * n, y: 20, width: 300, height: 200 },
    requestSize: { width: 1536, height: 1024 },
    costUsd: 0.041 + n / 1000,
    seconds: 12.5,
    requestId: `req_${n}`,
    createdAt: 1,
  };
}

const ids = (n: number) => ({ layerId: `L${n}`, versionId: `V${n}`, now: 1000 + n });

describe('keep / restore / delete', () => {
  it('keeping adds one patch layer at the region and one version with provenance and the layers after it', () => {
    const d = keepCandidate(doc0, cand(1), ids(1));
    expect(d).not.toBe(doc0);
    expect(doc0.layers).toEqual([]); // never mutated
    expect(d.layers).toEqual([
      {
        id: 'L1',
        name: 'Replace the sign with a clean brick wall please · gpt-image-2',
        assetId: 'patch-1-0000',
        x: 10,
        y: 20,
        width: 300,
        height: 200,
      },
    ]);
    expect(d.versions).toHaveLength(1);
    expect(d.versions[0]).toMatchObject({
      id: 'V1',
      layerId: 'L1',
      model: 'gpt-image-2',
      requestSize: { width: 1536, height: 1024 },
      region: { x: 10, y: 20, width: 300, height: 200 },
      costUsd: 0.042,
      seconds: 12.5,
      requestId: 'req_1',
      createdAt: 1001,
    });
    expect(d.versions[0].layersAfter).toEqual(d.layers);
    expect(isKept(d, 'patch-1-0000')).toBe(true);
    expect(isKept(d, 'patch-2-0000')).toBe(false);
  });

  it('two candidates with the same pixels (one patch): only the one kept reads kept, by its key', () => {
    const a = cand(1);
    const b = { ...cand(2), assetId: a.assetId };
    const d = keepCandidate(doc0, a, ids(1));
    expect(d.versions[0].candidate).toBe('j:1');
    expect(isKept(d, b.assetId)).toBe(true); // the patch is in the document
    expect(candidateKept(d, a)).toBe(true);
    expect(candidateKept(d, b)).toBe(false);
    expect(candidateKept(doc0, a)).toBe(false);
    // Its layer deleted and the other kept: that one alone.
    const e = keepCandidate(deleteLayer(d, 'L1'), b, ids(2));
    expect([candidateKept(e, a), candidateKept(e, b)]).toEqual([false, true]);
    // An older record (no key): by the patch, as before.
    const old = { ...d, versions: d.versions.map(({ candidate: _k, ...v }) => v) };
    expect([candidateKept(old, a), candidateKept(old, b)]).toEqual([true, true]);
  });

  it("an outpaint's candidate is kept with the part it fades into (what a later extension need not fill)", () => {
    const known = { x: 100, y: 0, width: 800, height: 800 };
    const d = keepCandidate(doc0, { ...cand(1), region: { x: 0, y: 0, width: 1000, height: 800 }, extension: { known } }, ids(1));
    expect(d.layers[0].extension).toEqual({ known });
    expect(d.versions[0].layersAfter![0].extension).toEqual({ known });
    expect(keepCandidate(doc0, cand(2), ids(2)).layers[0].extension).toBeUndefined();
  });

  it('names layers by model and the first ~48 prompt characters', () => {
    expect(layerName('Offline engine', '')).toBe('Fill · Offline engine');
    expect(layerName('GPT Image 2', 'a glass vase')).toBe('A glass vase · GPT Image 2');
    expect(layerName('GPT Image 2', "replace the label with 'V2.0' [keep] the font")).toBe(
      "Replace the label with 'V2.0' [keep] the font · GPT Image 2",
    );
    expect(layerName('GPT Image 2', 'replace the faded label on the left jar with a clean paper one')).toBe(
      'Replace the faded label on the left jar with a… · GPT Image 2',
    );
    expect(layerName('Nano Banana 2', 'x'.repeat(60))).toBe(`${'X'}${'x'.repeat(47)}… · Nano Banana 2`);
  });

  it('prompts that start alike give names that differ by more than a number', () => {
    const a = layerName('GPT Image 2', 'change the text from V1.0 to V2.0');
    const b = layerName('GPT Image 2', 'change the text from V1.0 to V3.0');
    expect(a).toBe('Change the text from V1.0 to V2.0 · GPT Image 2');
    expect(b).toBe('Change the text from V1.0 to V3.0 · GPT Image 2');
  });

  it("a layer's tooltip lines: its version's whole prompt and model (a duplicate's too); the offline engine only the model", () => {
    const long = 'change the text on the bottle label from version 1.0 to version 2.0, same font';
    let d = keepCandidate(doc0, { ...cand(1), prompt: long, modelName: 'GPT Image 2' }, ids(1));
    const kept = d.layers[0];
    expect(kept.name.length).toBeLessThan(long.length + ' · GPT Image 2'.length);
    expect(layerOriginLines(versionOfLayer(d, kept))).toEqual([`Prompt: ${long}`, 'Model: GPT Image 2']);
    // A duplicate (same pixels, a new id) tells the same; a layer no version made tells nothing.
    const dup = { ...kept, id: 'layer-dup', name: `${kept.name} copy` };
    d = { ...d, layers: [...d.layers, dup] };
    expect(versionOfLayer(d, dup)?.id).toBe(d.versions[0].id);
    expect(layerOriginLines(versionOfLayer(d, { id: 'merged', assetId: 'img-merged-0001' }))).toEqual([]);
    // The offline engine does not read the prompt: its layer's tooltip does not claim it did.
    expect(layerOriginLines({ model: 'local', modelName: 'Offline fill', prompt: 'a red car' })).toEqual(['Model: Offline fill']);
  });

  it('a second result kept from the same prompt and model gets the next free number, not a twin name', () => {
    let d = keepCandidate(doc0, cand(1, 'nano'), ids(1));
    d = keepCandidate(d, cand(2, 'nano'), ids(2));
    d = keepCandidate(d, cand(3, 'nano'), ids(3));
    d = keepCandidate(d, cand(4), ids(4));
    expect(d.layers.map((l) => l.name)).toEqual([
      'Replace the sign with a clean brick wall please · nano',
      'Replace the sign with a clean brick wall please 2 · nano',
      'Replace the sign with a clean brick wall please 3 · nano',
      'Replace the sign with a clean brick wall please · gpt-image-2',
    ]);
    // A freed number is used again (the layer named … 2 was deleted).
    d = keepCandidate(deleteLayer(d, 'L2'), cand(5, 'nano'), ids(5));
    expect(d.layers.at(-1)?.name).toBe('Replace the sign with a clean brick wall please 2 · nano');
  });

  it("the offline engine's layers are named for what made them, not the prompt it does not read", () => {
    let d = keepCandidate(doc0, cand(1, 'local'), ids(1));
    d = keepCandidate(d, cand(2, 'local'), ids(2));
    d = keepCandidate(d, cand(3), ids(3));
    d = keepCandidate(d, { ...cand(4, 'local'), prompt: '' }, ids(4));
    expect(d.layers.map((l) => l.name)).toEqual([
      'Offline fill',
      'Offline fill 2',
      'Replace the sign with a clean brick wall please · gpt-image-2',
      'Offline fill 3',
    ]);
    // The numbering is the one every layer name uses: a freed number is used again.
    d = keepCandidate(deleteLayer(d, 'L2'), cand(5, 'local'), ids(5));
    expect(d.layers.at(-1)?.name).toBe('Offline fill 2');
    // The prompt stays in the version record (it was typed), only the name leaves it out.
    expect(d.versions[0].prompt).toBe('replace the sign with a clean brick wall please');
  });

  it('restoring a version sets the layers to how they were right after it was kept', () => {
    let d = keepCandidate(doc0, cand(1), ids(1));
    d = keepCandidate(d, cand(2), ids(2));
    d = keepCandidate(d, cand(3, 'local'), ids(3));
    d = deleteLayer(d, 'L1');
    expect(d.layers.map((l) => l.id)).toEqual(['L2', 'L3']);
    const r1 = restoreVersion(d, 'V1');
    expect(r1.layers.map((l) => l.id)).toEqual(['L1']);
    expect(r1.versions).toBe(d.versions); // the version list is history, never rewritten
    const r2 = restoreVersion(r1, 'V2');
    expect(r2.layers.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(restoreVersion(r2, 'V2')).toBe(r2); // no change → no step
    expect(restoreVersion(r2, 'nope')).toBe(r2);
  });

  it('falls back to the current layers up to the version layer when no snapshot was stored', () => {
    let d = keepCandidate(doc0, cand(1), ids(1));
    d = keepCandidate(d, cand(2), ids(2));
    const legacy: DocState = { ...d, versions: d.versions.map(({ layersAfter: _drop, ...v }) => v) };
    expect(layersForVersion(legacy, 'V1')!.map((l) => l.id)).toEqual(['L1']);
    expect(layersForVersion(deleteLayer(legacy, 'L1'), 'V1')).toBeNull();
  });

  it('deleting an unknown layer is a no-op; totals add up', () => {
    const d = keepCandidate(keepCandidate(doc0, cand(1), ids(1)), cand(2), ids(2));
    expect(deleteLayer(d, 'zz')).toBe(d);
    expect(totalCost(d.versions)).toBeCloseTo(0.085, 9);
    expect(totalCost([])).toBe(0);
  });
});

describe('refined results (Refine with…)', () => {
  it('a kept refined candidate records its lineage in the version, and the document schema accepts it', async () => {
    const { DocStateSchema } = await import('../../shared/document/schema');
    const { safeParse } = await import('valibot');
    const draft = { model: 'gemini-3.1-flash-image', modelName: 'Nano Banana 2', prompt: 'a vase', costUsd: 0.067 };
    const refined = { ...cand(2), lineage: [draft] };
    const d = keepCandidate(doc0, refined, ids(2));
    expect(d.versions[0].lineage).toEqual([draft]);
    expect(d.versions[0].lineage?.[0]).not.toBe(draft); // copied, not shared
    const plain = keepCandidate(doc0, cand(3), ids(3));
    expect('lineage' in plain.versions[0]).toBe(false);
    const withIds = { ...d, layers: d.layers.map((l) => ({ ...l, assetId: 'patch-0123456789abcdef0123456789abcdef' })) };
    const docOk = { ...withIds, original: { ...withIds.original, assetId: 'img-0123456789abcdef0123456789abcdef' } };
    const versions = docOk.versions.map((v) => ({ ...v, layersAfter: docOk.layers }));
    expect(safeParse(DocStateSchema, { ...docOk, versions }).success).toBe(true);
    const bad = { ...docOk, versions: versions.map((v) => ({ ...v, lineage: [{ ...draft, costUsd: -1 }] })) };
    expect(safeParse(DocStateSchema, bad).success).toBe(false);
  });
});

describe("a model's name wherever a kept result shows it", () => {
  it('the version card and the History step use the display name the candidate card used, the layer too', () => {
    const gpt = { ...cand(1), modelName: 'GPT Image 2' };
    const d = keepCandidate(doc0, gpt, ids(1));
    expect(versionModelName(d.versions[0])).toBe('GPT Image 2');
    expect(keepStepLabel(gpt)).toBe('Keep GPT Image 2 result');
    expect(d.layers[0].name).toMatch(/ · GPT Image 2$/);
  });

  it("a Nano Banana result's History step names it short, as its card does (the whole name took two lines of History)", () => {
    const nb2 = { ...cand(1, 'gemini-3.1-flash-image'), modelName: 'Nano Banana 2 (Gemini 3.1 Flash Image)' };
    expect(keepStepLabel(nb2)).toBe('Keep Nano Banana 2 result');
    expect(keepStepLabel(nb2, true)).toBe('Keep Nano Banana 2 result (already a layer)');
  });

  it('the offline engine reads "Offline fill" on its layer, its version and its History step, as in the picker', async () => {
    const { getModel } = await import('../../shared/models');
    const name = getModel('local')!.name;
    expect(name).toBe('Offline fill');
    const local = { ...cand(1, 'local'), modelName: name };
    const d = keepCandidate(doc0, local, ids(1));
    expect(d.layers[0].name).toBe('Offline fill');
    expect(versionModelName(d.versions[0])).toBe('Offline fill');
    expect(keepStepLabel(local)).toBe('Keep Offline fill result');
    expect(keepStepLabel(local, true)).toBe('Keep Offline fill result (already a layer)');
  });

  it("a version saved before versions kept the name (only the id) still shows the model's display name", () => {
    expect(versionModelName({ model: 'local' })).toBe('Offline fill');
    expect(versionModelName({ model: 'gpt-image-2' })).toBe('GPT Image 2');
    expect(versionModelName({ model: 'gateway:x/some-model' })).toBe('gateway:x/some-model');
  });
});
