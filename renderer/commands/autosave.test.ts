import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmptyMask } from '../../shared/mask';
import type { JobPhase } from '../../shared/ipc/contract-types';
import { putMask } from './blob-store';
import { extendCanvas } from './canvas-commands';
import { useEditor } from './store/store';

const saves: number[] = [];
vi.mock('./bridge', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./bridge')>()),
  api: () => ({
    project: {
      autosave: async () => {
        saves.push(Date.now());
        return { ok: true, value: { savedAt: Date.now() } };
      },
    },
  }),
}));
vi.mock('./project-commands', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./project-commands')>()),
  currentProjectPayload: async () => ({ project: '{}', tiles: new Uint8Array() }),
}));

const { AUTOSAVE_JOB_WAIT_MS, installAutosave } = await import('./autosave');

const st = () => useEditor.getState();
let stop: () => void = () => {};

function job(phase: JobPhase) {
  st().setJob({
    jobId: 'job-1',
    kind: 'edit',
    docId: st().doc!.id,
    canvas: { ...st().doc!.canvas },
    model: 'gpt-image-2',
    modelName: 'GPT Image 2',
    prompt: 'p',
    startedAt: Date.now(),
    fraction: 0,
    stage: 'Preparing…',
    phase,
    expected: null,
    previews: {},
    cancelling: false,
  });
}

/** Lets the timers and the save's promises run for `ms` of fake time. */
async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(async () => {
  vi.useFakeTimers();
  st().setJob(null);
  stop = installAutosave(1000);
  st().openDocument({
    id: `doc-${Math.random()}`,
    canvas: { width: 200, height: 100 },
    original: { assetId: 'asset-original', name: 'a.png', width: 200, height: 100, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(200, 100)),
    layers: [],
    versions: [],
  });
  await wait(10); // the newly opened document is saved at once
  saves.length = 0;
});

afterEach(() => {
  stop();
  st().setJob(null);
  vi.useRealTimers();
});

describe('autosave and a running edit', () => {
  it('saves a change 1 s later when no job runs', async () => {
    extendCanvas({ width: 300, height: 100 }, { x: 50, y: 0 }, 0);
    await wait(900);
    expect(saves).toHaveLength(0);
    await wait(200);
    expect(saves).toHaveLength(1);
  });

  it('waits while the edit runs (prepared, then with the provider), and saves once it has ended', async () => {
    extendCanvas({ width: 300, height: 100 }, { x: 50, y: 0 }, 0);
    job('preparing');
    await wait(1500);
    expect(saves).toHaveLength(0);
    st().patchJob('job-1', { phase: 'waiting' });
    await wait(1000);
    expect(saves).toHaveLength(0);
    st().setJob(null);
    await wait(150);
    expect(saves).toHaveLength(1);
  });

  it('a model slower than the bound gets the save during its wait', async () => {
    extendCanvas({ width: 300, height: 100 }, { x: 50, y: 0 }, 0);
    job('waiting');
    await wait(1000 + AUTOSAVE_JOB_WAIT_MS - 200);
    expect(saves).toHaveLength(0);
    await wait(400);
    expect(saves).toHaveLength(1);
  });

  it('waits for compositing at most AUTOSAVE_JOB_WAIT_MS, then saves anyway', async () => {
    extendCanvas({ width: 300, height: 100 }, { x: 50, y: 0 }, 0);
    job('working');
    await wait(1000 + AUTOSAVE_JOB_WAIT_MS - 200);
    expect(saves).toHaveLength(0);
    await wait(400);
    expect(saves).toHaveLength(1);
  });
});
