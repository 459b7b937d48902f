/** Teardown shared by the Batch e2e files: batches poll and save in main, so they stop before the harness removes its folder. */
import type { AppHarness } from './app-harness';

/** A protocol server of test/servers: closed last; its scripted steps, if any, dropped first. */
interface TestServer {
  close(): Promise<void>;
  clearScript?(): void;
}

/** Stops main's batches and saves their queue, then closes the app and `servers` in the order given. */
export async function closeBatchApp(app: AppHarness | undefined, ...servers: (TestServer | undefined)[]): Promise<void> {
  for (const s of servers) s?.clearScript?.();
  app?.services.batches.stop();
  await new Promise((r) => setTimeout(r, 200));
  await app?.services.batches.store.save();
  await app?.close();
  for (const s of servers) await s?.close();
}
