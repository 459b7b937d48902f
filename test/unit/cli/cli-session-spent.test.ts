/**
 * What an interrupted CLI run says it sent and may be charged counts its own requests only. With the
 * app's settings folder found (the app has run on the machine), `spent()` summed the whole spend
 * ledger's months — the app's requests, earlier runs', and a batch's earlier images' sessions counted
 * again by the next one ("3 requests were sent" for two). Found when the CLI tests got a settings
 * folder of their own (test/support/cli-run.ts withTestSettings).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliSession } from '../../../electron/cli/cli-session';
import { dayOf } from '../../../electron/main/services/spend-ledger';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-cli-spent-'));
  // The app spent $1.20 in 6 requests today, before the run.
  const days = { [dayOf(Date.now())]: { usd: 1.2, requests: 6, rejected: 0 } };
  await writeFile(join(dir, 'spend-ledger.json'), JSON.stringify({ version: 1, days }));
  vi.stubEnv('MASKWORK_SETTINGS_DIR', dir);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  // The ledger's last write can still be landing (its temp file): retry as rm does for ENOTEMPTY (CI saw it).
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('a CLI session’s spend', () => {
  it('is its own requests, not the ledger’s other ones (the app’s, an earlier session’s)', async () => {
    const first = CliSession.start(() => {});
    expect(first.spent()).toEqual({ usd: 0, requests: 0 });
    first.svc.ledger.sent(0.04);
    await first.flushed();
    const second = CliSession.start(() => {});
    const r = second.svc.ledger.sent(0.1, 2);
    second.svc.ledger.rejected(second.svc.ledger.sent(0.5));
    expect(first.spent()).toEqual({ usd: 0.04, requests: 1 });
    expect(second.spent()).toEqual({ usd: 0.1, requests: r.requests });
    // The ledger itself holds them all (the app's cap still counts everything).
    expect(second.svc.ledger.summary().today).toMatchObject({ requests: 10, rejected: 1 });
    first.close();
    second.close();
  });
});
