import { describe, expect, it } from 'vitest';
import type { BatchView } from '../../shared/batch/batch-types';
import { isActive, priceLine, progressOf, queueLine, stateText, usd } from './batch-view';

const item = (state: BatchView['items'][number]['state']) => ({ id: 'item-1', name: 'a.png', state, review: 'pending' as const });
const batch = (over: Partial<BatchView> = {}): BatchView => ({
  id: 'b-1',
  createdAt: 0,
  prompt: 'p',
  model: 'gemini-3.1-flash-image',
  featherPx: 4,
  colorMatch: true,
  mode: 'now',
  state: 'running',
  estimateUsd: 0.201,
  items: [item('done'), item('failed'), item('queued'), item('running')],
  ...over,
});

describe('batch view', () => {
  it('progress counts done and failed items', () => {
    expect(progressOf(batch())).toBe(0.5);
    expect(progressOf(batch({ items: [] }))).toBe(0);
  });
  it('says what state a batch is in', () => {
    expect(stateText(batch())).toBe('Running: 2 of 4');
    expect(stateText(batch({ state: 'done' }))).toBe('1 of 4 done, 1 failed');
    expect(stateText(batch({ state: 'submitted', mode: 'batch-api', remote: { name: 'batches/x', state: 'pending' } }))).toBe(
      'Batch API: queued at Google (results within 24 h)',
    );
    expect(isActive(batch({ state: 'submitted' }))).toBe(true);
    expect(isActive(batch({ state: 'cancelled' }))).toBe(false);
  });
  it('queue and price lines name the model, the mode and the price', () => {
    expect(queueLine(batch({ mode: 'batch-api', estimateUsd: 0.1005 }))).toBe(
      '4 images · Nano Banana 2 (Gemini 3.1 Flash Image) · Batch API (half price) · ≈ $0.1005',
    );
    const e = {
      items: [
        { fileId: 'a', usd: 0.0335 },
        { fileId: 'b', usd: null, error: 'no mask' },
      ],
      totalUsd: 0.0335,
      standardUsd: 0.067,
      model: 'gemini-3.1-flash-image',
    };
    expect(priceLine(e, 'batch-api')).toBe('1 image · ≈ $0.0335 (standard price $0.067) · 1 cannot be sent');
    expect(usd(1.5)).toBe('$1.50');
  });
});
