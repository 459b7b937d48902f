import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readManifest, type Migration } from './migrations';
import { PROJECT_FORMAT, PROJECT_VERSION, ProjectManifestSchema } from './project-schema';
import { unpackSteps } from './step-pack';

const doc = {
  id: 'doc-1',
  canvas: { width: 100, height: 80 },
  original: { assetId: `img-${'a'.repeat(32)}`, name: 'cups.jpg', width: 100, height: 80, x: 0, y: 0, hasIcc: false, hasExif: true },
  maskId: 'mask-1',
  layers: [],
  versions: [],
};

function manifest(extra: Record<string, unknown> = {}) {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    app: '0.1.0',
    savedAt: 1,
    embedded: true,
    project: {
      current: { doc, label: 'Open cups.jpg' },
      past: [],
      future: [],
      layers: [],
      versions: [],
      masks: { 'mask-1': { width: 100, height: 80, tiles: [-1] } },
      tileCount: 0,
      historyLimit: 100,
    },
    assets: [{ id: doc.original.assetId, kind: 'img', entry: 'original/cups.jpg' }],
    ...extra,
  };
}

describe('readManifest', () => {
  it('reads the current version through the shared document schema', () => {
    const r = readManifest(JSON.stringify(manifest()));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.manifest.project.current.doc.original.name).toBe('cups.jpg');
      expect(r.manifest.project.references).toEqual([]); // default for a field older files lack
      expect(r.migratedFrom).toBeUndefined();
    }
  });

  it('refuses a newer version with a message that says to update', () => {
    const r = readManifest(JSON.stringify(manifest({ version: PROJECT_VERSION + 1 })));
    expect(r).toMatchObject({ ok: false, problem: 'newer' });
    if (!r.ok) expect(r.message).toMatch(new RegExp(`newer Maskwork .*format ${PROJECT_VERSION + 1}.*Update Maskwork`));
  });

  it('refuses damage: bad JSON, not a project, no version, a record the document schema refuses, deep nesting', () => {
    const cases: [string, RegExp][] = [
      ['{"format": "maskwork-project", "version": 1', /not valid JSON/],
      [JSON.stringify({ format: 'zip', version: 1 }), /not say it is a Maskwork project/],
      [JSON.stringify(manifest({ version: 'one' })), /no valid format version/],
      [
        JSON.stringify(
          manifest({ project: { ...manifest().project, current: { doc: { ...doc, canvas: { width: -1, height: 2 } }, label: 'x' } } }),
        ),
        /project.current.doc.canvas.width/,
      ],
      [`${'['.repeat(40)}${']'.repeat(40)}`, /nested too deeply/],
      [
        JSON.stringify(manifest({ project: { ...manifest().project, masks: {} } })),
        /inconsistent \(the mask mask-1 of “Open cups.jpg” is missing\)/,
      ],
      [
        JSON.stringify(manifest({ project: { ...manifest().project, masks: { 'mask-1': { width: 100, height: 80, tiles: [0] } } } })),
        /tile that is not in the file/,
      ],
    ];
    for (const [text, message] of cases) {
      const r = readManifest(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problem).toBe('damaged');
        expect(r.message).toMatch(message);
      }
    }
  });

  it('walks older versions up one migration at a time, then validates', () => {
    // A made-up history: version 1 kept the document under `doc`, version 2 renamed it to `project`.
    const V2 = v.object({ ...ProjectManifestSchema.entries, version: v.literal(2) });
    const steps: Migration[] = [{ from: 1, migrate: ({ doc: d, ...rest }) => ({ ...rest, project: d }) }];
    const { project, ...rest } = manifest();
    const v1 = { ...rest, version: 1 };
    const r = readManifest(JSON.stringify({ ...v1, doc: project }), steps, 2, V2 as never);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(1);
      expect(r.manifest.version).toBe(2);
      expect(r.manifest.project.current.label).toBe('Open cups.jpg');
    }
    // No step for version 1 → cannot convert; a throwing step → a message, not an exception.
    expect(readManifest(JSON.stringify(v1), [], 2, V2 as never)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot convert/),
    });
    const boom: Migration[] = [
      {
        from: 1,
        migrate: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(readManifest(JSON.stringify(v1), boom, 2, V2 as never)).toMatchObject({ ok: false, message: expect.stringMatching(/boom/) });
  });

  it('reads a format-1 file (every step in full) into pooled records that unpack to the same documents', () => {
    const layer = { id: 'layer-1', name: 'Sign', assetId: `patch-${'b'.repeat(32)}`, x: 1, y: 2, width: 30, height: 20, maskId: 'mask-9' };
    const moved = { ...layer, x: 5 };
    const version = {
      id: 'v-1',
      layerId: 'layer-1',
      model: 'local',
      prompt: 'a sign',
      requestSize: { width: 64, height: 64 },
      region: { x: 1, y: 2, width: 30, height: 20 },
      costUsd: 0,
      seconds: 1,
      createdAt: 1,
      layersAfter: [layer],
    };
    const kept = { ...doc, layers: [layer], versions: [version] };
    const steps = [
      { doc: { ...kept, layers: [moved] }, label: 'Move layer' },
      { doc, label: 'Open cups.jpg' },
      { doc: kept, label: 'Keep' },
    ];
    const v1 = {
      ...manifest(),
      version: 1,
      project: {
        current: steps[0],
        past: steps.slice(1),
        future: [],
        masks: { 'mask-1': { width: 100, height: 80, tiles: [-1] }, 'mask-9': { width: 30, height: 20, tiles: [-2] } },
        tileCount: 0,
        historyLimit: 100,
      },
    };
    const r = readManifest(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    const p = r.manifest.project;
    expect(p.layers).toEqual([moved, layer]); // each distinct record once, though `layer` is in two steps and a version
    expect(p.versions).toHaveLength(1);
    const back = unpackSteps({ steps: [p.current, ...p.past], layers: p.layers, versions: p.versions });
    expect(back).toEqual(steps);
  });
});
