/**
 * The app's spend cap holds on the command line: `maskwork edit …` reads the cap from the app's
 * prefs.json (Settings → Spend cap) and the totals from its spend ledger, refuses a request above it
 * before anything is sent (exit 1, the app's own words, no file written) and counts what it sends in
 * that ledger, next to the app's days. The offline engine is never capped. The CLI had no cap at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAIServer } from '../../servers';
import { assertCliBuilt, PHOTOS, runCli } from '../../support/cli-run';
import { dayOf } from '../../../electron/main/services/spend-ledger';
import { appSettingsDir } from '../../../electron/cli/app-settings';

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let tmp: string;
let settings: string;

beforeAll(async () => {
  assertCliBuilt();
  openai = await startOpenAIServer();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-cap-'));
  settings = join(tmp, 'Maskwork');
  await mkdir(settings);
});
afterAll(async () => {
  await openai?.close();
  await rm(tmp, { recursive: true, force: true });
});

const today = dayOf(Date.now());
const setCap = (spendCap: object) => writeFile(join(settings, 'prefs.json'), JSON.stringify({ spendCap }));
const setLedger = (days: Record<string, { usd: number; requests: number; rejected: number }>) =>
  writeFile(join(settings, 'spend-ledger.json'), JSON.stringify({ version: 1, days }));
const ledger = async () => JSON.parse(await readFile(join(settings, 'spend-ledger.json'), 'utf8')).days;

const run = (args: string[]) =>
  runCli(args, {
    PATH: process.env.PATH ?? '',
    OPENAI_API_KEY: 'sk-cli-test-key-0000',
    OPENAI_BASE_URL: openai.url,
    MASKWORK_MAX_RETRIES: '0',
    MASKWORK_SETTINGS_DIR: settings,
  });
const edit = (out: string, extra: string[] = []) =>
  run([
    'edit',
    '--image',
    join(PHOTOS, 'coffee.png'),
    '--mask',
    join(PHOTOS, 'coffee.mask-blob.png'),
    '--prompt',
    'a glass vase',
    '--model',
    'gpt-image-2',
    '--out',
    join(tmp, out),
    ...extra,
  ]);

describe('the app’s spend cap on the command line', () => {
  it('refuses an edit above the daily cap before sending, in the app’s words; exit 1, nothing written, the ledger unchanged', async () => {
    await setCap({ dailyUsd: 0.01 });
    const days = { '2026-01-02': { usd: 3, requests: 9, rejected: 0 }, [today]: { usd: 0.005, requests: 1, rejected: 0 } };
    await setLedger(days);
    const sent = openai.requests.length;
    const r = await edit('refused.png');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /This request \(≈ \$0\.\d+\) would take today's spend to \$0\.\d+, above your \$0\.010 daily cap\. Raise the cap in Settings → Spend cap, or use Offline fill \(free\)\./,
    );
    expect(openai.requests.length).toBe(sent);
    expect(existsSync(join(tmp, 'refused.png'))).toBe(false);
    expect(await ledger()).toEqual(days);
    // --json: the error object names the rule.
    const j = await edit('refused.png', ['--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).error).toMatchObject({ kind: 'invalid-request', rule: 'spend-cap' });
  });

  it('counts against the same ledger: what the app spent today leaves no room', async () => {
    await setCap({ dailyUsd: 5 });
    await setLedger({ [today]: { usd: 4.99, requests: 40, rejected: 0 } });
    const r = await edit('full.png');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('above your $5.00 daily cap');
  });

  it('under the cap it sends, and adds the request to the app’s ledger, keeping the app’s days', async () => {
    await setCap({ monthlyUsd: 100 });
    await setLedger({ '2026-01-02': { usd: 3, requests: 9, rejected: 0 }, [today]: { usd: 1, requests: 2, rejected: 0 } });
    const r = await edit('ok.png', ['--json']);
    expect(r.code, r.stderr).toBe(0);
    const cost = JSON.parse(r.stdout).estimatedCostUsd as number;
    expect(cost).toBeGreaterThan(0.01);
    const days = await ledger();
    expect(days['2026-01-02']).toEqual({ usd: 3, requests: 9, rejected: 0 });
    expect(days[today].requests).toBe(3);
    expect(days[today].usd).toBeCloseTo(1 + cost, 3); // --json rounds the estimate
  });

  it('the offline engine is never capped', async () => {
    await setCap({ dailyUsd: 0 });
    const r = await run([
      'fill',
      '--image',
      join(PHOTOS, 'coffee.png'),
      '--mask',
      join(PHOTOS, 'coffee.mask-blob.png'),
      '--out',
      join(tmp, 'free.png'),
    ]);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('where the CLI finds the app’s settings', () => {
  it('MASKWORK_SETTINGS_DIR, else the app’s data folder per platform; none when the app never ran', async () => {
    expect(appSettingsDir({ MASKWORK_SETTINGS_DIR: '/x/y' })).toBe('/x/y');
    expect(appSettingsDir({ XDG_CONFIG_HOME: tmp }, 'linux', '/nohome')).toBe(settings);
    expect(appSettingsDir({ XDG_CONFIG_HOME: join(tmp, 'none') }, 'linux', '/nohome')).toBeNull();
    expect(appSettingsDir({ APPDATA: tmp }, 'win32', '/nohome')).toBe(settings);
    await mkdir(join(tmp, 'home', 'Library', 'Application Support', 'maskwork'), { recursive: true });
    expect(appSettingsDir({}, 'darwin', join(tmp, 'home'))).toBe(join(tmp, 'home', 'Library', 'Application Support', 'maskwork'));
  });
});
