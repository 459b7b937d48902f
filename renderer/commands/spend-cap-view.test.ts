/**
 * The Generate panel's spend-cap line (spend-cap-view.ts) with the real store: what is left, and a
 * warning in main's words when the next Generate's WORST case — not only its first request — would
 * go above the cap: the text retries the budget allows, several models' sum. Off: nothing shown.
 */
import { describe, expect, it } from 'vitest';
import { maskFromArray } from '../../shared/mask';
import { DEFAULT_PREFS } from '../../shared/prefs/app-prefs';
import type { SpendSummary } from '../../shared/ipc/contract-types';
import { putMask } from './blob-store';
import { useEditor } from './store/store';
import { currentEstimate } from './current-estimate';
import { nextGenerateWorstUsd, spendCapView } from './spend-cap-view';

const st = () => useEditor.getState();
const period = (p: string, usd: number) => ({ period: p, usd, requests: 1, rejected: 0 });
const spend = (today: number, month: number): SpendSummary => ({
  today: period('2026-12-06', today),
  month: period('2026-12', month),
  days: [],
  months: [],
});

function openWithMask() {
  const mask = new Uint8Array(400 * 300);
  for (let y = 100; y < 200; y++) mask.fill(255, y * 400 + 100, y * 400 + 200);
  st().openDocument({
    id: 'doc-cap',
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
}

describe('the spend cap line in the Generate panel', () => {
  it('off (the default): nothing shown', () => {
    openWithMask();
    st().setPrefs(DEFAULT_PREFS);
    st().setSpend(spend(3, 10));
    expect(spendCapView(st())).toBeNull();
  });

  it('says what is left (the tighter limit) and warns when the text retries would take the day over the cap', () => {
    openWithMask();
    st().setGen({ multiOn: false, model: 'gpt-image-2', n: 1, prompt: 'a sign that reads "OPEN"' });
    const first = currentEstimate(st());
    expect(first?.ok).toBe(true);
    const firstUsd = first?.ok ? first.usd : 0;
    st().setSpend(spend(1, 1));
    // Room for the first request, not for it and two retries.
    st().setPrefs({ ...DEFAULT_PREFS, spendCap: { dailyUsd: 1 + firstUsd * 1.5, monthlyUsd: 100 } });
    st().setGen({ textCheck: { text: '', retries: 0, maxUsd: null, stronger: false } });
    expect(spendCapView(st())).toEqual({ left: expect.stringMatching(/^Spend cap: \$0\.\d+ left today$/), warning: null });
    st().setGen({ textCheck: { text: '', retries: 2, maxUsd: null, stronger: false } });
    expect(nextGenerateWorstUsd(st())).toBeCloseTo(firstUsd * 3, 6);
    expect(spendCapView(st())?.warning).toMatch(
      /^This request \(≈ \$0\.\d+\) would take today's spend to \$1\.\d+, above your \$1\.\d+ daily cap\./,
    );
    st().setGen({ textCheck: { text: '', retries: 0, maxUsd: null, stronger: false } });
  });

  it('several models: the warning is for their sum, not for one of them', () => {
    openWithMask();
    const one = (model: string) => {
      st().setGen({ multiOn: false, model, n: 1, prompt: 'a vase' });
      const e = currentEstimate(st());
      return e?.ok ? e.usd : Number.NaN;
    };
    const gpt = one('gpt-image-2');
    const gem = one('gemini-3.1-flash-image');
    st().setGen({ multiOn: true, multi: { 'gpt-image-2': 1, 'gemini-3.1-flash-image': 1 }, prompt: 'a vase' });
    expect(nextGenerateWorstUsd(st())).toBeCloseTo(gpt + gem, 6);
    st().setSpend(spend(0, 0));
    // Room for either model alone, not for both.
    st().setPrefs({ ...DEFAULT_PREFS, spendCap: { monthlyUsd: Math.max(gpt, gem) + 0.001 } });
    expect(spendCapView(st())?.warning).toContain("this month's spend");
    st().setPrefs({ ...DEFAULT_PREFS, spendCap: { monthlyUsd: gpt + gem } });
    expect(spendCapView(st())?.warning).toBeNull();
    st().setGen({ multiOn: false });
  });

  it('an extension proposed and not applied: no warning, Generate runs nothing (it priced the old mask)', () => {
    openWithMask();
    st().setGen({ multiOn: false, model: 'gpt-image-2', n: 1, prompt: 'a vase' });
    st().setSpend(spend(0, 0));
    st().setPrefs({ ...DEFAULT_PREFS, spendCap: { dailyUsd: 0.001 } });
    expect(spendCapView(st())?.warning).toContain('daily cap');
    st().setTool('extend');
    st().setExtend({ sides: { left: 0, right: 120, top: 0, bottom: 0 } });
    expect(nextGenerateWorstUsd(st())).toBeNull();
    expect(spendCapView(st())).toEqual({ left: expect.stringMatching(/^Spend cap: /), warning: null });
    st().setGen({ multiOn: true, multi: { 'gpt-image-2': 1, 'gemini-3.1-flash-image': 1 } });
    expect(nextGenerateWorstUsd(st())).toBeNull();
    st().setGen({ multiOn: false });
    st().setTool('brush');
    expect(spendCapView(st())?.warning).toContain('daily cap');
  });
});
