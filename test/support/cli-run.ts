/** The `maskwork` CLI run as a user runs it: a child process of this Node, with the environment given. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../..');
export const BIN = join(REPO, 'bin/maskwork.mjs');
export const PHOTOS = resolve(REPO, '../shared/testdata/photos');

export interface CliResult {
  /** The exit code (1 when the process was killed or never started). */
  code: number;
  stdout: string;
  stderr: string;
}

/** Throws when the CLI bundle is missing (`npm test` builds it first). */
export function assertCliBuilt(): void {
  if (!existsSync(join(REPO, 'out/cli/index.js'))) throw new Error('CLI not built: run `npm run build` (npm test does).');
}

/** The app settings folder a test CLI run uses unless the test names one: never the machine's own app's (its spend cap and ledger). */
const TEST_SETTINGS = join(tmpdir(), `maskwork-cli-settings-${process.pid}`);

/**
 * Runs `maskwork args` to its end (2 minutes at most) with exactly `env` (entries set to undefined are
 * left out, so a test can take a variable away) — and MASKWORK_SETTINGS_DIR a temp folder unless `env`
 * has the key; `nodeArgs` go to Node before the script.
 */
export function runCli(args: string[], env: Record<string, string | undefined>, nodeArgs: string[] = []): Promise<CliResult> {
  const withSettings = 'MASKWORK_SETTINGS_DIR' in env ? env : { ...env, MASKWORK_SETTINGS_DIR: TEST_SETTINGS };
  const clean = Object.fromEntries(Object.entries(withSettings).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return new Promise((res) => {
    execFile(process.execPath, [...nodeArgs, BIN, ...args], { env: clean, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      res({ code: err ? (typeof code === 'number' ? code : 1) : 0, stdout, stderr });
    });
  });
}
