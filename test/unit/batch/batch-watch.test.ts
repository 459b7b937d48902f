// Main pushes every batch change to the renderer that watches (`batch:watch` → `batch:changed`),
// through the handler table as the IPC transports call it: the request going out (Spent today), each
// image, the batch's end at the moment it ends (the renderer polled every 2 s, so "Batch finished"
// came late), a cancel; a second watch replaces the first; every payload passes the event's schema.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMain, type MainHarness } from '../../support/main-harness';
import { QueuedDialogs } from '../../support/batch-dialogs';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import type { BatchView } from '../../../shared/batch/batch-types';
import { events as eventSchemas } from '../../../shared/ipc/contract';
import { parse } from '../../../shared/ipc/schema';
import { startGeminiServer, type GeminiServer } from '../../servers';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, process.env.MASKWORK_PHOTOS ?? '../../../../shared/testdata/photos');
const KEY = 'AIzaSyWatch-maskwork-0123456789abcdef';

let gemini: GeminiServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer({ acceptedKeys: [KEY] });
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batch-watch-'));
  await mkdir(join(dir, 'in'));
  for (const n of ['coffee.png', 'rocket.jpg']) {
    await copyFile(join(PHOTOS, n), join(dir, 'in', n));
    const stem = n.replace(/\.\w+$/, '');
    await copyFile(join(PHOTOS, `${stem}.mask-blob.png`), join(dir, 'in', `${stem}-mask.png`));
  }
});
afterAll(async () => {
  await gemini?.close();
  await rm(dir, { recursive: true, force: true });
});

type Heard = { name: string; body: { batchId: string; state: string }; spent: Array<number | undefined> };

/** `batch:watch` called as a window would: what main pushes to it afterwards is recorded (with what each image had spent then). */
async function watch(main: MainHarness): Promise<Heard[]> {
  const heard: Heard[] = [];
  const r = await dispatch(
    main.table,
    'batch:watch',
    {},
    {
      emit: (name, body) => {
        const b = body as Heard['body'];
        heard.push({ name, body: b, spent: main.svc.batches.get(b.batchId).items.map((i) => i.spentUsd) });
      },
    },
  );
  expect(r).toEqual({ ok: true, value: { watching: true } });
  return heard;
}

const waitFor = async (ok: () => boolean, what: string) => {
  const end = Date.now() + 30_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('batch:watch', () => {
  it('pushes the request going out, each image and the end of the batch as it happens; a cancel too; the last watch is told', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain({ GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' }, answers);
    try {
      const first = await watch(main);
      const heard = await watch(main); // a reload watches again: the window before is told no more
      answers.multiOpens.push(['coffee.png', 'rocket.jpg'].map((n) => join(dir, 'in', n)));
      const { files } = await main.call('batch:addImages', {});
      const request = {
        fileIds: files.map((f: { fileId: string }) => f.fileId),
        prompt: 'remove the object',
        model: 'gemini-3.1-flash-image',
        mode: 'now',
        featherPx: 4,
        colorMatch: true,
      };
      let release = () => {};
      gemini.script({ until: new Promise<void>((r) => (release = r)) });
      const sent = gemini.requests.length;
      const b = await main.call<BatchView>('batch:start', request);
      await waitFor(() => heard.some((h) => h.body.batchId === b.id && h.body.state === 'running'), 'running pushed');
      // The request is out (counted in Spent today): pushed while its answer is still held.
      await waitFor(() => gemini.requests.length > sent, 'request sent');
      await waitFor(() => heard.some((h) => h.spent[0] !== undefined), 'spend pushed');
      expect(main.svc.batches.get(b.id).items.map((i) => i.state)).toEqual(['running', 'queued']); // still held
      expect(heard.at(-1)?.body).toEqual({ batchId: b.id, state: 'running' });
      release();
      // Told the moment it ends: the state main holds is never 'done' without its push already made.
      await waitFor(() => main.svc.batches.get(b.id).state === 'done', 'batch done');
      expect(heard.at(-1)).toMatchObject({ name: 'batch:changed', body: { batchId: b.id, state: 'done' } });
      expect(heard.filter((h) => h.body.state === 'done')).toHaveLength(1); // said once
      expect(first).toEqual([]);

      // A second batch, cancelled while its request is held.
      let release2 = () => {};
      gemini.script({ until: new Promise<void>((r) => (release2 = r)) });
      const c = await main.call<BatchView>('batch:start', request);
      await waitFor(() => heard.some((h) => h.body.batchId === c.id && h.body.state === 'running'), 'second running');
      await main.call('batch:cancel', { batchId: c.id });
      expect(heard.at(-1)?.body).toEqual({ batchId: c.id, state: 'cancelled' });
      release2();
      await main.svc.batches.idle();

      for (const h of heard) {
        expect(h.name).toBe('batch:changed');
        expect(parse(eventSchemas['batch:changed'], h.body)).toEqual(h.body);
      }
    } finally {
      await main.close();
    }
  }, 60_000);
});
