/**
 * What the harness itself makes the renderer keep: Playwright enables Chromium's DevTools network
 * agent on every page it drives, and that agent keeps the body of every fetched response (for
 * `Network.getResponseBody`) up to its own cap, in Blink's "buffer" partition. The e2e harness and
 * the dev host fetch large result bytes (a candidate's pixels, a patch PNG) as one-time binary
 * tickets, so every edit left its bytes there — in Electron, with no DevTools attached, nothing keeps
 * them. Control (2026-12-01): 40 plain `fetch`es of a 0.78 MB file in the harness page grew that
 * partition by 65 MB. This reads the partition's size from a Chromium memory dump (memory-infra), so
 * the history bench can report it and leave it out of what the app holds.
 */
import type { BrowserContext } from 'playwright-core';

const MB = 2 ** 20;

/** The app renderer's Blink buffer partition (MB): the renderer with the largest malloc heap. */
export async function rendererBufferPartitionMb(context: BrowserContext): Promise<number | null> {
  const browser = context.browser();
  if (!browser) return null;
  const cdp = await browser.newBrowserCDPSession();
  try {
    type Allocators = Record<string, { attrs?: { size?: { value: string } } }>;
    const events: Array<{ ph?: string; args?: { dumps?: { allocators?: Allocators } } }> = [];
    cdp.on('Tracing.dataCollected', (e) => {
      events.push(...(e.value as typeof events));
    });
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } },
    } as never);
    await cdp.send('Tracing.requestMemoryDump' as never, { deterministic: true, levelOfDetail: 'detailed' } as never);
    await cdp.send('Tracing.end');
    await done;
    let best: { malloc: number; buffer: number } | null = null;
    for (const e of events) {
      const a = e.ph === 'v' ? e.args?.dumps?.allocators : undefined;
      if (!a?.blink_gc) continue;
      const size = (k: string) => Number.parseInt(a[k]?.attrs?.size?.value ?? '0', 16) / MB;
      const malloc = size('malloc');
      if (!best || malloc > best.malloc) best = { malloc, buffer: size('partition_alloc/partitions/buffer') };
    }
    return best ? best.buffer : null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
