import { describe, expect, it } from 'vitest';
import { applyCoverage, createEmptyMask, getMaskValue, type TiledMask } from '../../shared/mask';
import type { DocState, Snapshot } from './document-types';
import { buildProjectPayload, projectSteps, readProjectPayload, type HistoryState } from './project-payload';
import { PROJECT_PROMPT_MAX } from '../../shared/project/project-schema';

const img = (c: string) => `img-${c.repeat(32)}`;
function doc(id: string, maskId: string, extra: Partial<DocState> = {}): DocState {
  return {
    id,
    canvas: { width: 600, height: 300 },
    original: { assetId: img('a'), name: 'a.jpg', width: 600, height: 300, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId,
    layers: [],
    versions: [],
    ...extra,
  };
}

function world() {
  const masks = new Map<string, TiledMask>();
  const m0 = createEmptyMask(600, 300);
  const m1 = applyCoverage(m0, { rect: { x: 10, y: 10, width: 50, height: 50 }, data: new Uint8Array(2500).fill(255) }, 'replace');
  const m2 = applyCoverage(m1, { rect: { x: 400, y: 200, width: 20, height: 20 }, data: new Uint8Array(400).fill(77) }, 'replace');
  const layerMask = applyCoverage(
    createEmptyMask(40, 30),
    { rect: { x: 0, y: 0, width: 10, height: 10 }, data: new Uint8Array(100).fill(9) },
    'replace',
  );
  for (const [k, v] of Object.entries({ m0, m1, m2, lm: layerMask, other: createEmptyMask(10, 10) })) masks.set(k, v);
  const layer = { id: 'l1', name: 'L', assetId: `patch-${'b'.repeat(32)}`, x: 1, y: 2, width: 40, height: 30, maskId: 'lm', opacity: 0.5 };
  const past: Snapshot[] = [
    { doc: { ...doc('other-doc', 'other'), canvas: { width: 10, height: 10 } }, label: 'Open other.jpg' },
    { doc: doc('d', 'm0'), label: 'Open a.jpg' },
    { doc: doc('d', 'm1'), label: 'Brush stroke' },
  ];
  const state: HistoryState = {
    doc: doc('d', 'm2', { layers: [layer] }),
    label: 'Keep',
    past,
    future: [{ doc: doc('d', 'm1'), label: 'Delete layer' }],
  };
  return { masks, state, m2, layerMask };
}

describe('projectSteps', () => {
  it("keeps the document's own steps nearest the present, within the limit", () => {
    const { state } = world();
    expect(projectSteps(state, 100).past.map((p) => p.label)).toEqual(['Open a.jpg', 'Brush stroke']);
    expect(projectSteps(state, 1).past.map((p) => p.label)).toEqual(['Brush stroke']);
    expect(projectSteps(state, 1).future).toHaveLength(1);
    expect(projectSteps(state, 0)).toEqual({ past: [], future: [] });
  });
});

describe('buildProjectPayload → readProjectPayload', () => {
  it('round-trips the history, the masks (document and layer masks) under new ids, and the references', () => {
    const { masks, state, m2, layerMask } = world();
    const refs = [{ assetId: img('c'), name: 'ref.png', width: 5, height: 5, thumbUrl: 'blob:x' }];
    const { project, tiles, steps } = buildProjectPayload(state, (id) => masks.get(id)!, { historyLimit: 100, references: refs });
    expect(steps).toBe(3);
    const json = JSON.parse(project);
    expect(Object.keys(json.masks).sort()).toEqual(['lm', 'm0', 'm1', 'm2']); // the other photo's mask is not carried
    expect(json.references).toEqual([{ assetId: img('c'), name: 'ref.png', width: 5, height: 5 }]);

    const put = new Map<string, TiledMask>();
    let n = 0;
    const loaded = readProjectPayload(
      project,
      tiles,
      (m) => {
        const id = `new-${n++}`;
        put.set(id, m);
        return id;
      },
      () => true,
    );
    expect(loaded.past.map((p) => p.label)).toEqual(['Open a.jpg', 'Brush stroke']);
    expect(loaded.future.map((f) => f.label)).toEqual(['Delete layer']);
    expect(loaded.current.label).toBe('Keep');
    const cur = loaded.current.doc;
    expect(cur.maskId).toMatch(/^new-/);
    expect(getMaskValue(put.get(cur.maskId)!, 405, 205)).toBe(77);
    expect(getMaskValue(put.get(cur.maskId)!, 20, 20)).toBe(255);
    expect(getMaskValue(put.get(cur.layers[0].maskId!)!, 5, 5)).toBe(9);
    expect(put.get(cur.layers[0].maskId!)!.width).toBe(layerMask.width);
    expect(put.get(cur.maskId)!.width).toBe(m2.width);
    expect(cur.layers[0]).toMatchObject({ opacity: 0.5, assetId: `patch-${'b'.repeat(32)}` });
    // The same mask id in two steps is one mask again.
    expect(loaded.past[1].doc.maskId).toBe(loaded.future[0].doc.maskId);
    expect(loaded.references).toEqual([{ assetId: img('c'), name: 'ref.png', width: 5, height: 5 }]);
  });

  it('keeps the prompt box (a prompt too long to send is cut to what can be), and has none from an older file', () => {
    const { masks, state } = world();
    const get = (id: string) => masks.get(id)!;
    const long = 'x'.repeat(PROJECT_PROMPT_MAX + 10);
    const withPrompt = buildProjectPayload(state, get, { historyLimit: 100, references: [], prompt: { prompt: long, text: 'OAK' } });
    const loaded = readProjectPayload(
      withPrompt.project,
      withPrompt.tiles,
      () => 'x',
      () => true,
    );
    expect(loaded.prompt).toEqual({ prompt: long.slice(0, PROJECT_PROMPT_MAX), text: 'OAK' });
    const older = buildProjectPayload(state, get, { historyLimit: 100, references: [] });
    expect(JSON.parse(older.project).prompt).toBeUndefined();
    expect(
      readProjectPayload(
        older.project,
        older.tiles,
        () => 'x',
        () => true,
      ).prompt,
    ).toBeUndefined();
  });

  it('keeps the selected layer and the mask Reselect brings back (under its new id); an older file has neither', () => {
    const { masks, state } = world();
    const dropped = applyCoverage(
      createEmptyMask(600, 300),
      { rect: { x: 5, y: 5, width: 4, height: 4 }, data: new Uint8Array(16).fill(200) },
      'replace',
    );
    masks.set('dropped', dropped); // in no step: only Reselect refers to it
    const get = (id: string) => masks.get(id)!;
    const saved = buildProjectPayload(state, get, {
      historyLimit: 100,
      references: [],
      selection: { layer: 'l1', reselectMaskId: 'dropped' },
    });
    const put = new Map<string, TiledMask>();
    const loaded = readProjectPayload(
      saved.project,
      saved.tiles,
      (m) => {
        put.set(`n${put.size}`, m);
        return `n${put.size - 1}`;
      },
      () => true,
    );
    expect(loaded.selection?.layer).toBe('l1');
    const id = loaded.selection?.reselectMaskId ?? '';
    expect(id).toMatch(/^n\d+$/);
    expect(getMaskValue(put.get(id)!, 6, 6)).toBe(200);
    expect(getMaskValue(put.get(id)!, 20, 20)).toBe(0);
    const older = buildProjectPayload(state, get, { historyLimit: 100, references: [] });
    expect(JSON.parse(older.project).selection).toBeUndefined();
    expect(
      readProjectPayload(
        older.project,
        older.tiles,
        () => 'x',
        () => true,
      ).selection,
    ).toBeUndefined();
  });

  it('drops layers whose image is missing, and refuses an inconsistent payload', () => {
    const { masks, state } = world();
    const { project, tiles } = buildProjectPayload(state, (id) => masks.get(id)!, { historyLimit: 100, references: [] });
    const loaded = readProjectPayload(
      project,
      tiles,
      () => 'x',
      (id) => !id.startsWith('patch-'),
    );
    expect(loaded.current.doc.layers).toEqual([]);
    const bad = JSON.parse(project);
    delete bad.masks.m1;
    expect(() =>
      readProjectPayload(
        JSON.stringify(bad),
        tiles,
        () => 'x',
        () => true,
      ),
    ).toThrow(/mask m1 of “Brush stroke” is missing/);
    expect(() =>
      readProjectPayload(
        project,
        tiles.subarray(0, 10),
        () => 'x',
        () => true,
      ),
    ).toThrow(/mask tiles are damaged/);
  });
});
