/**
 * Ctrl+C during `batch edit … --batch-api`, below the process level: an interrupt before the job is
 * sent sends nothing (the batch ends cancelled, nothing in the ledger), and the report names what the
 * interrupt left in the Batch API's terms.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startGeminiBatchServer, type GeminiBatchServer } from '../../servers/gemini-batch-server';
import { BatchService } from '../../../electron/main/batch/batch-service';
import { BatchStore } from '../../../electron/main/batch/batch-store';
import { CliSession } from '../../../electron/cli/cli-session';
import { batchApiInterrupted, cancelInterrupted } from '../../../electron/cli/batch-api-interrupt';
import type { BatchRecord } from '../../../shared/batch/batch-types';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const KEY = 'gm-cli-batch-key-3333';
let server: GeminiBatchServer;
let tmp: string;

beforeAll(async () => {
  server = await startGeminiBatchServer({ acceptedKeys: [KEY] });
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-batch-int-'));
  vi.stubEnv('GEMINI_API_KEY', KEY);
  vi.stubEnv('GOOGLE_GEMINI_BASE_URL', server.baseUrl);
  vi.stubEnv('MASKWORK_MAX_RETRIES', '0');
  // The session reads the app's spend cap and adds to its ledger: a folder of its own, never the machine's app's.
  vi.stubEnv('MASKWORK_SETTINGS_DIR', join(tmp, 'settings'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('Batch API submission interrupted', () => {
  it('before the job is sent: nothing reaches the Batch API, nothing is counted, the batch ends cancelled', async () => {
    const session = CliSession.start(() => {});
    const service = new BatchService(session.svc, new BatchStore(join(tmp, 'batches.json')));
    try {
      const stop = new AbortController();
      stop.abort();
      const b = await service.create(
        {
          items: ['coffee', 'chelsea'].map((n) => ({
            name: `${n}.png`,
            image: join(PHOTOS, `${n}.png`),
            mask: join(PHOTOS, `${n}.mask-blob.png`),
            output: join(tmp, `${n}.png`),
          })),
          settings: { prompt: 'remove the object', model: 'gemini-3.1-flash-image', featherPx: 12, colorMatch: true },
          mode: 'batch-api',
          format: 'png',
        },
        stop.signal,
      );
      expect(b.state).toBe('cancelled');
      expect(b.remote).toBeUndefined();
      expect(b.items.map((i) => i.state)).toEqual(['cancelled', 'cancelled']);
      expect(server.log.filter((l) => l.method === 'POST')).toEqual([]);
      expect(session.spent()).toEqual({ usd: 0, requests: 0 });
      expect(batchApiInterrupted(b).text).toBe('nothing was submitted to the Batch API');
    } finally {
      service.stop();
      session.close();
    }
  });

  it('says whether the job was cancelled at Google or keeps running, and how to fetch it', () => {
    const b = { id: 'b-1', state: 'submitted', remote: { name: 'batches/x1', state: 'pending', checkedAt: 0 } } as unknown as BatchRecord;
    expect(batchApiInterrupted(undefined)).toEqual({ text: 'nothing was submitted to the Batch API' });
    expect(batchApiInterrupted(b)).toEqual({
      text: 'the Batch API job batches/x1 was submitted and keeps running (results within 24 h): `maskwork batch fetch batches/x1` writes them, `maskwork batch cancel batches/x1` cancels it',
      json: { batchId: 'batches/x1', id: 'b-1', state: 'submitted', remoteState: 'pending' },
    });
    expect(batchApiInterrupted({ ...b, state: 'cancelled', remote: { ...b.remote!, state: 'cancelled' } }).text).toBe(
      'the Batch API job batches/x1 was cancelled as soon as Google accepted it',
    );
    // batch cancel interrupted before the cancel went through.
    expect(cancelInterrupted(b).text).toBe(
      'the Batch API job batches/x1 may still be running: `maskwork batch status batches/x1` tells, `maskwork batch cancel batches/x1` cancels it',
    );
  });
});
