/**
 * For the batch tests: main's dialogs answered from queues as a user would pick files (an empty
 * queue is a cancelled dialog), and a wait for a batch to reach a state.
 */
import type { Dialogs } from '../../electron/main/services/dialogs';
import type { BatchView } from '../../shared/batch/batch-types';
import type { MainHarness } from './main-harness';

export class QueuedDialogs implements Dialogs {
  /** Open… (one image: a mask, a photo). */
  opens: (string | null)[] = [];
  /** Add images… (several at once). */
  multiOpens: (string[] | null)[] = [];
  /** Add folder… and the export folder. */
  folders: (string | null)[] = [];
  async chooseImageToOpen() {
    return this.opens.shift() ?? null;
  }
  async chooseExportPath() {
    return null;
  }
  async chooseImagesToOpen() {
    return this.multiOpens.shift() ?? null;
  }
  async chooseFolder() {
    return this.folders.shift() ?? null;
  }
}

/** The batch as `batch:list` shows it once `ok` holds; throws with its items' states after `ms`. */
export async function untilBatch(main: MainHarness, id: string, ok: (b: BatchView) => boolean, ms = 60_000): Promise<BatchView> {
  const end = Date.now() + ms;
  for (;;) {
    const b = (await main.call<BatchView[]>('batch:list', {})).find((x) => x.id === id)!;
    if (ok(b)) return b;
    if (Date.now() > end) throw new Error(`batch stuck: ${JSON.stringify(b.items.map((i) => i.state))}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** `batch:start` now with Nano Banana 2 and "remove the object" on `files`, waited for until done or failed. */
export async function runBatchNow(main: MainHarness, files: readonly { fileId: string }[]): Promise<BatchView> {
  const started = await main.call<BatchView>('batch:start', {
    fileIds: files.map((f) => f.fileId),
    prompt: 'remove the object',
    model: 'gemini-3.1-flash-image',
    mode: 'now',
    featherPx: 4,
    colorMatch: true,
  });
  return untilBatch(main, started.id, (b) => b.state === 'done' || b.state === 'failed');
}
