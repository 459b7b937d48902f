/**
 * An autosave in flight while a project from the recent list replaces the open photo: the project's
 * history replaces the photo's, whose masks leave the blob store. The save that started on the photo
 * must still write the photo as it was (or nothing), never fail, and the project is saved after it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmptyMask, createFullMask } from '../../shared/mask';
import type { DocState } from '../../shared/document/schema';
import type { OpenedProject } from '../../shared/ipc/contract-types';
import { buildProjectPayload } from '../model/project-payload';
import { getMask, putMask } from './blob-store';
import { useEditor } from './store/store';

/** A promise and its resolve, to hold a call until the test lets it go. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const hex = (n: number) => n.toString(16).padStart(32, '0');
let held: ReturnType<typeof deferred<void>> | null = null;
let puts = 0;
const written: string[] = [];
let opened: OpenedProject | null = null;

vi.mock('./bridge', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./bridge')>()),
  api: () => ({
    asset: {
      // The layer mask's PNG going to main: the first one is held until the test releases it.
      put: async () => {
        puts++;
        if (held) await held.promise;
        return { ok: true, value: { assetId: `mask-${hex(puts)}` } };
      },
    },
    project: {
      autosave: async ({ project }: { project: string }) => {
        written.push(project);
        return { ok: true, value: { savedAt: Date.now() } };
      },
      open: async () => ({ ok: true, value: opened }),
    },
  }),
}));

const { autosaveStatus, flushAutosave, installAutosave } = await import('./autosave');
const { openRecentProject } = await import('./document-io');

const st = () => useEditor.getState();
let stop: () => void = () => {};

function photo(id: string): DocState {
  return {
    id,
    canvas: { width: 200, height: 100 },
    original: { assetId: `img-${hex(1)}`, name: `${id}.png`, width: 200, height: 100, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(200, 100)),
    layers: [],
    versions: [],
  };
}

beforeEach(() => {
  stop = installAutosave(60_000);
  written.length = 0;
  puts = 0;
  held = null;
});

afterEach(() => {
  stop();
});

describe('an autosave running while a project opens', () => {
  it('writes the photo it started on, then the project, and fails nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // The project on the recent list: another document with its own mask.
    const project = photo('doc-project');
    const payload = buildProjectPayload({ doc: project, label: 'Open', past: [], future: [] }, getMask, {
      historyLimit: 100,
      references: [],
    });
    opened = { path: '/tmp/p.maskwork', name: 'p.maskwork', savedAt: 1, project: payload.project, tiles: payload.tiles, assets: {} };

    // A photo with an edit: a layer with a layer mask (its PNG goes to main before a save).
    st().openDocument(photo('doc-photo'), 'Open');
    await flushAutosave();
    written.length = 0;
    const layerMask = putMask(createFullMask(50, 50));
    const patch = { id: 'l1', name: 'Edit', assetId: `patch-${hex(2)}`, x: 10, y: 10, width: 50, height: 50, maskId: layerMask };
    st().commit('Edit', (d) => ({ ...d, layers: [patch] }));
    const photoMask = st().doc!.maskId;

    // The save starts and waits on the layer mask's upload ...
    held = deferred<void>();
    const save = flushAutosave();
    await vi.waitFor(() => expect(puts).toBe(1));
    // ... while the project opens (Don't save: the photo's edits are not kept as a project).
    const open = openRecentProject('/tmp/p.maskwork');
    await vi.waitFor(() => expect(st().unsavedAsk).not.toBeNull());
    const { answerUnsavedAsk } = await import('./project-commands');
    answerUnsavedAsk('discard');
    await open;
    expect(st().doc!.id).toBe('doc-project');
    // The photo's masks left the blob store with its history.
    expect(() => getMask(photoMask)).toThrow(/not in the blob store/);

    held.resolve();
    await save;
    await vi.waitFor(() => expect(autosaveStatus().pending).toBe(false));

    expect(warn.mock.calls.filter((c) => String(c[0]).includes('Autosave failed'))).toEqual([]);
    expect(autosaveStatus().lastError).toBeNull();
    const docs = written.map((p) => JSON.parse(p) as { current: { doc: { id: string; maskId: string } }; masks: Record<string, unknown> });
    // The save that started on the photo wrote the photo whole (its masks too), then the project's ran.
    expect(docs.map((d) => d.current.doc.id)).toEqual(['doc-photo', 'doc-project']);
    expect(Object.keys(docs[0].masks)).toContain(docs[0].current.doc.maskId);
    expect(autosaveStatus().lastDocId).toBe('doc-project');
    warn.mockRestore();
  });
});
