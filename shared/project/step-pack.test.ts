import { describe, expect, it } from 'vitest';
import type { DocState, PatchLayer, Version } from '../document/schema';
import { packedIndexProblem, packSteps, unpackSteps } from './step-pack';

const hex = (i: number) => i.toString(16).padStart(32, '0');
const base: DocState = {
  id: 'doc-1',
  canvas: { width: 6000, height: 4000 },
  original: { assetId: `img-${hex(0)}`, name: 'p.jpg', width: 6000, height: 4000, x: 0, y: 0, hasIcc: false, hasExif: false },
  maskId: 'm-0',
  layers: [],
  versions: [],
};

/** The editor's history after `n` edits of three steps each (mask, keep, clear mask), the last 100 steps, records shared as the store shares them. */
function history(n: number): { doc: DocState; label: string }[] {
  const steps: { doc: DocState; label: string }[] = [{ doc: base, label: 'Open' }];
  let doc = base;
  const push = (d: DocState, label: string) => {
    doc = d;
    steps.push({ doc, label });
  };
  for (let i = 1; i <= n; i++) {
    push({ ...doc, maskId: `m-${i}` }, 'Rectangle');
    const layer: PatchLayer = { id: `l-${i}`, name: `Fill ${i}`, assetId: `patch-${hex(i)}`, x: i, y: i, width: 1000, height: 1000 };
    const layers = [...doc.layers, layer];
    const version: Version = {
      id: `v-${i}`,
      layerId: layer.id,
      model: 'gpt-image-2',
      prompt: 'clean background',
      requestSize: { width: 1024, height: 1024 },
      region: { x: i, y: i, width: 1000, height: 1000 },
      costUsd: 0.05,
      seconds: 3,
      createdAt: i,
      layersAfter: layers,
    };
    push({ ...doc, layers, versions: [...doc.versions, version] }, 'Keep');
    push({ ...doc, maskId: 'm-0' }, 'Clear mask');
  }
  return steps.slice(-101);
}

describe('packSteps', () => {
  it('writes each layer and version once: the payload grows with the layers, not with layers² × steps', () => {
    const size = (n: number) => {
      const p = packSteps(history(n));
      expect(p.layers).toHaveLength(n);
      expect(p.versions).toHaveLength(n);
      return JSON.stringify(p).length;
    };
    const s30 = size(30);
    const s90 = size(90);
    // Written in full, 90 layers were ≈ 16× the size of 30 (41 MB against 2.6 MB); pooled ≈ 3×.
    expect(s90 / s30).toBeLessThan(4);
    expect(s90).toBeLessThan(400_000);
  });

  it('unpacks to the same documents, sharing one object per record between steps', () => {
    const steps = history(12);
    const back = unpackSteps(packSteps(steps));
    expect(back).toEqual(steps);
    const last = back[back.length - 1].doc;
    expect(last.versions[11].layersAfter![0]).toBe(last.layers[0]);
  });

  it('pools equal copies (records read back from a file are not shared) and keeps different ones apart', () => {
    const steps = JSON.parse(JSON.stringify(history(5))) as { doc: DocState; label: string }[];
    const last = steps[steps.length - 1].doc;
    steps.push({
      doc: { ...last, layers: [...last.layers.slice(0, 4), { ...last.layers[4], opacity: 0.5 }] },
      label: 'Layer opacity 50 %',
    });
    const p = packSteps(steps);
    expect(p.layers).toHaveLength(6);
    expect(unpackSteps(p)).toEqual(steps);
  });

  it('drops a layer the caller refuses from every step and version', () => {
    const steps = history(3);
    const back = unpackSteps(packSteps(steps), (l) => (l.id === 'l-2' ? null : l));
    const last = back[back.length - 1].doc;
    expect(last.layers.map((l) => l.id)).toEqual(['l-1', 'l-3']);
    expect(last.versions[2].layersAfter!.map((l) => l.id)).toEqual(['l-1', 'l-3']);
  });

  it('finds indices that point outside the pools', () => {
    const p = packSteps(history(2));
    expect(packedIndexProblem(p)).toBeNull();
    const bad = { ...p, steps: [...p.steps, { doc: { ...p.steps[0].doc, layers: [7] }, label: 'Broken' }] };
    expect(packedIndexProblem(bad)).toMatch(/a layer of “Broken” is not in the file/);
    expect(packedIndexProblem({ ...p, versions: [{ ...p.versions[0], layersAfter: [9] }] })).toMatch(/version 0/);
    expect(packedIndexProblem({ ...p, steps: [{ doc: { ...p.steps[0].doc, versions: [5] }, label: 'V' }] })).toMatch(/a version of “V”/);
  });
});
