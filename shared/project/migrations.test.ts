import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readManifest, type Migration } from './migrations';
import { PROJECT_FORMAT, PROJECT_VERSION, ProjectManifestSchema } from './project-schema';

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
    if (!r.ok) expect(r.message).toMatch(/newer Maskwork .*format 2.*Update Maskwork/);
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
    const { project, ...v1 } = manifest();
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
});
