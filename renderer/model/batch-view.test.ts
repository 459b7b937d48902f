import { describe, expect, it } from 'vitest';
import type { BatchView } from '../../shared/batch/batch-types';
import {
  clearedText,
  exportText,
  finishedNotice,
  isActive,
  itemError,
  stayedText,
  itemText,
  priceLine,
  progressOf,
  queueLine,
  reviewText,
  spentLine,
  stateText,
  usd,
} from './batch-view';

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
  it('progress counts done and failed items, not cancelled ones', () => {
    expect(progressOf(batch())).toBe(0.5);
    expect(progressOf(batch({ items: [item('done'), item('cancelled')] }))).toBe(0.5);
    expect(progressOf(batch({ items: [] }))).toBe(0);
  });
  it('says what state a batch is in', () => {
    expect(stateText(batch())).toBe('Running 4 of 4 (1 done, 1 failed)');
    // The first image is running: that is image 1, not "0 of 5".
    expect(stateText(batch({ items: [item('running'), item('queued'), item('queued')] }))).toBe('Running 1 of 3');
    expect(stateText(batch({ state: 'done' }))).toBe('1 of 4 done, 1 failed');
    expect(stateText(batch({ state: 'submitted', mode: 'batch-api', remote: { name: 'batches/x', state: 'pending' } }))).toBe(
      'Batch API: queued at Google (results within 24 h)',
    );
    expect(isActive(batch({ state: 'submitted' }))).toBe(true);
    expect(isActive(batch({ state: 'cancelled' }))).toBe(false);
  });
  it('counts cancelled images as cancelled, not failed', () => {
    const items = [item('done'), item('done'), item('cancelled'), item('cancelled'), item('cancelled')];
    expect(stateText(batch({ state: 'cancelled', items }))).toBe('Cancelled: 2 of 5 done, 3 cancelled');
    expect(stateText(batch({ state: 'done', items: [...items, item('failed')] }))).toBe('2 of 6 done, 1 failed, 3 cancelled');
  });
  it('names a result not yet kept or discarded as ready to review', () => {
    expect(reviewText('pending')).toBe('ready to review');
    expect(reviewText('kept')).toBe('kept');
  });
  it('says each image’s state in the grid in the queue’s words, never the stored state’s name', () => {
    const now = batch();
    const job = batch({ mode: 'batch-api', state: 'submitted', remote: { name: 'batches/x', state: 'running' } });
    const raw = /^(queued|running|submitted|done|pending|unknown)$/;
    const words = {
      queued: itemText(item('queued'), now),
      running: itemText(item('running'), now),
      submitted: itemText(item('submitted'), job),
      pendingAtGoogle: itemText(item('submitted'), { ...job, remote: { name: 'batches/x', state: 'pending' } }),
      unknownAtGoogle: itemText(item('submitted'), { mode: 'batch-api' }),
      preparing: itemText(item('queued'), batch({ mode: 'batch-api', state: 'queued' })),
      redoInJob: itemText(item('queued'), job),
      failed: itemText(item('failed'), now),
      cancelled: itemText(item('cancelled'), now),
      done: itemText(item('done'), now),
      kept: itemText({ state: 'done', review: 'kept' }, now),
      discarded: itemText({ state: 'done', review: 'discarded' }, now),
    };
    expect(words).toEqual({
      queued: 'waiting',
      running: 'running now',
      submitted: 'Google is working on it',
      pendingAtGoogle: 'queued at Google',
      unknownAtGoogle: 'waiting for Google',
      preparing: 'preparing the request',
      redoInJob: 'waiting',
      failed: 'failed',
      cancelled: 'cancelled',
      done: 'ready to review',
      kept: 'kept',
      discarded: 'discarded',
    });
    for (const w of Object.values(words)) expect(w).not.toMatch(raw);
  });
  it('queue and price lines name the model, the mode and the price in the app’s cost format', () => {
    expect(queueLine(batch({ mode: 'batch-api', estimateUsd: 0.1005 }))).toBe(
      '4 images · Nano Banana 2 (Gemini 3.1 Flash Image) · Batch API (half price) · “p”',
    );
    // The prompt tells two such batches apart: a long one is cut, none (the offline engine) is not shown.
    expect(queueLine(batch({ prompt: '  remove the price sticker from every\n bottle on the shelf ' }))).toBe(
      '4 images · Nano Banana 2 (Gemini 3.1 Flash Image) · now · “remove the price sticker from every bot…”',
    );
    expect(queueLine(batch({ model: 'local', prompt: '' }))).toBe('4 images · Offline fill · now');
    expect(queueLine(batch({ prompt: '' }))).toMatch(/ · now · empty prompt: remove$/);
    const e = {
      items: [
        { fileId: 'a', usd: 0.0335 },
        { fileId: 'b', usd: null, error: 'no mask' },
      ],
      totalUsd: 0.0335,
      standardUsd: 0.067,
      model: 'gemini-3.1-flash-image',
    };
    expect(priceLine(e, 'batch-api')).toBe('1 image · ≈ $0.034 (standard price $0.067) · 1 cannot be sent');
    expect(priceLine({ items: [{ fileId: 'a', usd: 0 }], totalUsd: 0, standardUsd: 0, model: 'local' }, 'now')).toBe(
      '1 image · $0.000 — free (offline)',
    );
    // Nothing left to send: said so, without the price of nothing ("0 images · ≈ $0.000 · 1 cannot be sent").
    const none = (n: number, model = 'gemini-3.1-flash-image') => ({
      items: Array.from({ length: n }, (_, i) => ({ fileId: `f${i}`, usd: null, error: 'no mask' })),
      totalUsd: 0,
      standardUsd: 0,
      model,
    });
    expect(priceLine(none(1), 'now')).toBe('Nothing to send: this image cannot be sent (see why below)');
    expect(priceLine(none(3), 'batch-api')).toBe('Nothing to send: none of the 3 images can be sent (see why below)');
    expect(priceLine(none(2, 'local'), 'now')).toBe('Nothing to send: none of the 2 images can be sent (see why below)');
    expect(usd(1.5)).toBe('$1.50');
    expect(usd(0.4602)).toBe('$0.460');
  });
  it('says what a batch has spent of its estimate', () => {
    const spent = [{ ...item('done'), spentUsd: 0.0695 }, { ...item('cancelled'), spentUsd: 0.0695 }, item('cancelled')];
    expect(spentLine(batch({ state: 'cancelled', estimateUsd: 0.4602, items: spent }))).toBe('Spent $0.139 of ≈ $0.460');
    expect(spentLine(batch({ state: 'queued', estimateUsd: 0.4602, items: [item('queued')] }))).toBe('≈ $0.460');
    expect(spentLine(batch({ model: 'local', state: 'done' }))).toBe('Free (offline)');
  });
  it('says what redos added beyond the estimate (they are sent at the standard price)', () => {
    const items = [
      { ...item('done'), estimateUsd: 0.067, spentUsd: 0.067 },
      { ...item('done'), estimateUsd: 0.067, spentUsd: 0.134 },
      { ...item('done'), estimateUsd: 0.067, spentUsd: 0.067 },
    ];
    expect(spentLine(batch({ state: 'done', estimateUsd: 0.201, items }))).toBe('Spent $0.268 of ≈ $0.201 + $0.067 for redos (1 image)');
    // A Batch API image redone now: half price in the estimate, the standard price for the redo.
    const job = [{ ...item('done'), estimateUsd: 0.0335, spentUsd: 0.1005 }];
    expect(spentLine(batch({ state: 'done', mode: 'batch-api', estimateUsd: 0.0335, items: job }))).toBe(
      'Spent $0.101 of ≈ $0.034 + $0.067 for redos (1 image)',
    );
  });
  it('a cancelled image whose request was already out says what it was charged', () => {
    const now = batch();
    expect(itemText({ state: 'cancelled', review: 'pending', spentUsd: 0.067 }, now)).toBe(
      // "may be": the service may have made the image before the cancel reached it (it said "charged").
      `cancelled after its request was sent (may be charged by ${now.model === 'gpt-image-2' ? 'OpenAI' : 'Google'}, ≈ $0.067)`,
    );
    expect(itemText({ state: 'cancelled', review: 'pending' }, now)).toBe('cancelled');
  });
  it('says what Export kept wrote, which files were in the way and what to do about them', () => {
    expect(exportText({ folder: '/out', written: ['a-edited.png', 'b-edited.png'], failed: [] })).toBe('Wrote 2 files to /out.');
    expect(
      exportText({
        folder: '/out',
        written: [],
        failed: [
          { name: 'coffee.png', message: 'coffee-edited.png is already in the folder', exists: 'coffee-edited.png' },
          { name: 'rocket.jpg', message: 'rocket-edited.png is already in the folder', exists: 'rocket-edited.png' },
          { name: 'cat.png', message: 'The disk is full.' },
        ],
      }),
    ).toBe(
      'Wrote 0 files to /out. Not replaced, already there: coffee-edited.png, rocket-edited.png. To export them, choose another folder, or move those files away and export again. 1 failed: cat.png (The disk is full.).',
    );
  });
  it('says in the main window that a batch ended while the dialog was closed (not a cancelled one)', () => {
    expect(finishedNotice(batch({ state: 'done', prompt: 'remove the  sticker' }))).toEqual({
      tone: 'success',
      message: 'Batch finished: 1 of 4 done, 1 failed · “remove the sticker”. Open Batch… to review and export.',
    });
    expect(finishedNotice(batch({ state: 'failed', error: { kind: 'auth', message: 'The key was refused.' } }))).toEqual({
      tone: 'error',
      message: 'Batch failed · “p”: The key was refused. Nothing was charged.',
    });
    // What the ledger still counts for it is said as what it is: maybe billed.
    const failedAfterSending = batch({ state: 'failed', items: [{ ...item('failed'), spentUsd: 0.067 }, item('failed')] });
    expect(finishedNotice(failedAfterSending)?.message).toBe(
      "Batch failed · “p”: no image could be made. 1 request was sent and may be charged by Google (≈ $0.067, counted in today's spend).",
    );
    expect(stateText(failedAfterSending)).toBe(
      "Failed. 1 request was sent and may be charged by Google (≈ $0.067, counted in today's spend).",
    );
    expect(stateText(batch({ state: 'failed', error: { kind: 'auth', message: 'Google refused the key.' } }))).toBe(
      'Failed: Google refused the key. Nothing was charged.',
    );
    expect(stateText(batch({ state: 'failed', model: 'local' }))).toBe('Failed');
    expect(
      itemError(
        { error: { kind: 'invalid-request', message: 'Nano Banana 2 rejected the request — imageSize' } },
        'gemini-3.1-flash-image',
      ),
    ).toBe('Nano Banana 2 rejected the request — imageSize. Nothing was charged.');
    expect(finishedNotice(batch({ state: 'cancelled' }))).toBeNull();
  });
  it('says which finished batches Clear finished left: kept results not exported yet', () => {
    const kept = (exported?: string) => ({
      ...item('done'),
      review: 'kept' as const,
      result: { assetId: 'r1', region: { x: 0, y: 0, width: 1, height: 1 }, costUsd: 0 },
      exported,
    });
    expect(stayedText([batch({ state: 'done', items: [kept('r1')] }), batch({ state: 'running' })])).toBeNull();
    expect(stayedText([batch({ state: 'done', prompt: 'remove the cup', items: [kept(), kept('r0')] })])).toBe(
      '“remove the cup” stays: it has 2 kept results not exported yet. Export them (Export kept…), or discard them, to clear the batch.',
    );
    expect(stayedText([batch({ state: 'done', items: [kept()] }), batch({ state: 'cancelled', items: [kept()] })])).toBe(
      '2 finished batches stay: they have 2 kept results not exported yet. Export them (Export kept…), or discard them, to clear those batches.',
    );
  });

  it('Clear finished says what it deleted, what it kept and when it deleted nothing', () => {
    expect(clearedText({ cleared: 0, deleted: { results: 0, bytes: 0, kept: 0 } })).toBeNull();
    expect(clearedText({ cleared: 1, deleted: { results: 2, bytes: 3 * 1024 * 1024, kept: 0 } })).toBe(
      'Cleared 1 batch; its 2 results were deleted from the app’s data folder (3.0 MB). Files you exported are not touched.',
    );
    expect(clearedText({ cleared: 2, deleted: { results: 1, bytes: 20_000, kept: 1 } })).toBe(
      'Cleared 2 batches; their result was deleted from the app’s data folder (20 kB). Files you exported are not touched. 1 result stays: still in use (the open document, or another batch).',
    );
    expect(clearedText({ cleared: 2, deleted: { results: 0, bytes: 0, kept: 0 } })).toBe(
      'Cleared 2 batches; they had no results to delete.',
    );
    expect(clearedText({ cleared: 1, deleted: null })).toBe(
      'Cleared 1 batch; its results stay in the app’s data folder for now (the autosave could not be read), until a later start.',
    );
  });
});
