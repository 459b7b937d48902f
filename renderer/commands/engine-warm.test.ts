/** engine-warm.ts: when the renderer asks main for a warm offline-engine worker (`engine:warm`). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmptyMask } from '../../shared/mask';
import { docPoint } from '../../shared/geometry/point';
import { putMask } from './blob-store';
import { installEngineWarm, lastEngineWarm, noteMaskGesture } from './engine-warm';
import { paintStroke } from './mask-commands';
import { useEditor } from './store/store';
import { DEFAULT_GEN } from './store/jobs-slice';
import { compositingJob } from './job-state-fixture';

const st = () => useEditor.getState();
let sent: string[] = [];
let off: () => void = () => {};

beforeEach(() => {
  vi.useFakeTimers();
  st().setJob(null);
  st().setGen({ ...DEFAULT_GEN });
  st().openDocument({
    id: `doc-${Math.random()}`,
    canvas: { width: 200, height: 100 },
    original: { assetId: 'asset-original', name: 'p.png', width: 200, height: 100, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(200, 100)),
    layers: [],
    versions: [],
  });
  sent = [];
  off = installEngineWarm({
    store: useEditor,
    send: async (model) => {
      sent.push(model);
      return { state: 'started' };
    },
    delayMs: 100,
  });
});
afterEach(() => {
  off();
  vi.useRealTimers();
});

const stroke = () => paintStroke([docPoint(50, 50), docPoint(80, 52)], { ...st().brush, size: 10 }, false);

describe('engine:warm asks', () => {
  it('asks once, after a pause, when a mask is painted with the offline engine chosen', async () => {
    stroke();
    stroke();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual(['local']);
    expect(lastEngineWarm()).toEqual({ state: 'started', model: 'local' });
  });

  it('asks when a mask gesture starts, before any mask exists', async () => {
    noteMaskGesture();
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual(['local']);
  });

  it('does not ask for an empty mask, for a cloud model, or while a job runs', async () => {
    // The document opened with an empty mask: nothing to warm for yet.
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual([]);
    st().setGen({ model: 'gpt-image-2' });
    stroke();
    noteMaskGesture();
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual([]);
    // Back to the engine with a mask present: it asks.
    st().setGen({ model: 'local' });
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual(['local']);
    // A job runs: a stroke or a gesture asks nothing.
    st().setJob(compositingJob('job-1', st().doc!.id));
    stroke();
    noteMaskGesture();
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual(['local']);
  });
});
