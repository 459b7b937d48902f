/**
 * Several models at once above the spend cap: none of them is started (main checks each model's job
 * on its own and would refuse only those that no longer fit, the others running), and the message is
 * main's own. Under the cap they all start. Real store, a fake `window.maskwork`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maskFromArray } from '../../shared/mask';
import { DEFAULT_PREFS } from '../../shared/prefs/app-prefs';
import { putMask } from './blob-store';
import { useEditor } from './store/store';

// The grow runs in a worker in the app; here the mask is sent as painted.
vi.mock('../workers/mask-ops-client', () => ({ runMaskOp: async (_op: string, mask: unknown) => mask }));

const { generateMulti } = await import('./multi-generate');
const { nextGenerateWorstUsd } = await import('./spend-cap-view');
const st = () => useEditor.getState();
const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });

let started = 0;
const bridge = {
  edit: { start: () => ok({ jobId: `job-${++started}` }) },
  job: { result: () => new Promise(() => {}), cancel: () => ok({ cancelled: false }) },
  spend: { summary: () => new Promise(() => {}) },
  events: { onJobProgress: () => () => {} },
};
const g = globalThis as { window?: unknown };
const hadWindow = 'window' in g;
beforeAll(() => {
  if (!hadWindow) g.window = globalThis;
  (g.window as { maskwork?: unknown }).maskwork = bridge;
});
afterAll(() => {
  delete (g.window as { maskwork?: unknown }).maskwork;
  if (!hadWindow) delete g.window;
});

const period = (p: string, usd: number) => ({ period: p, usd, requests: 1, rejected: 0 });

describe('several models at once under the spend cap', () => {
  it('above the cap none is started and main’s words are said; under it, every model starts', async () => {
    const mask = new Uint8Array(400 * 300);
    for (let y = 100; y < 200; y++) mask.fill(255, y * 400 + 100, y * 400 + 200);
    st().openDocument({
      id: 'doc-multi-cap',
      canvas: { width: 400, height: 300 },
      original: { assetId: 'asset-original', name: 'a.png', width: 400, height: 300, x: 0, y: 0, hasIcc: false, hasExif: false },
      maskId: putMask(maskFromArray(400, 300, mask)),
      layers: [],
      versions: [],
    });
    st().setProviderInfo({
      keyStatus: [
        { provider: 'openai', isSet: true, last4: '1111' },
        { provider: 'gemini', isSet: true, last4: '2222' },
      ],
    });
    st().setGen({ multiOn: true, multi: { 'gpt-image-2': 1, 'gemini-3.1-flash-image': 1 }, prompt: 'a vase' });
    const sum = nextGenerateWorstUsd(st()) ?? 0;
    st().setSpend({ today: period('2026-12-06', 1), month: period('2026-12', 1), days: [], months: [] });
    st().setPrefs({ ...DEFAULT_PREFS, spendCap: { dailyUsd: 1 + sum - 0.01 } });
    await generateMulti();
    expect(started).toBe(0);
    expect(st().toasts.at(-1)?.message).toMatch(
      /^This request \(≈ \$0\.\d+\) would take today's spend to \$1\.\d+, above your \$1\.\d+ daily cap\./,
    );

    st().setPrefs({ ...DEFAULT_PREFS, spendCap: { dailyUsd: 1 + sum } });
    await generateMulti();
    expect(started).toBe(2);
  });
});
