/** The `maskwork` CLI run as a user runs it: a child process of this Node, with the environment given. */
import { execFile } from 'node:child_process';
import { afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

/** The app settings folders of this test process's CLI runs. */
const SETTINGS_ROOT = join(tmpdir(), `maskwork-cli-settings-${process.pid}`);
/** The app settings folder runCli's runs share unless the test names one: never the machine's own app's (its spend cap and ledger). */
export const TEST_SETTINGS = join(SETTINGS_ROOT, 'shared');
// Removed after the test file that made them (its worker may be ended without an exit event).
afterAll(() => rmSync(SETTINGS_ROOT, { recursive: true, force: true }));

/**
 * `env` for a CLI child: MASKWORK_SETTINGS_DIR `dir` (by default a new empty folder, as for an app
 * that has a settings folder and no cap: the run's spend is counted there, apart from every other
 * run's) unless `env` names one (a test of the settings). Without it the child found the developer's
 * app folder through the account's home (os.homedir() reads the password file when the env has no
 * HOME): its spend cap, and its ledger counting the fake servers' requests. Every CLI launch in the
 * tests goes through this (test/unit/anchors/cli-test-settings.test.ts).
 */
export function withTestSettings<E extends Record<string, string | undefined>>(
  env: E,
  dir?: string,
): E & { MASKWORK_SETTINGS_DIR?: string } {
  if (env.MASKWORK_SETTINGS_DIR) return env;
  mkdirSync(SETTINGS_ROOT, { recursive: true });
  return { ...env, MASKWORK_SETTINGS_DIR: dir ?? mkdtempSync(join(SETTINGS_ROOT, 'run-')) };
}

/**
 * Runs `maskwork args` to its end (2 minutes at most) with exactly `env` (entries set to undefined are
 * left out, so a test can take a variable away) — and MASKWORK_SETTINGS_DIR a temp folder unless `env`
 * names one (withTestSettings); `nodeArgs` go to Node before the script.
 */
export function runCli(args: string[], env: Record<string, string | undefined>, nodeArgs: string[] = []): Promise<CliResult> {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return new Promise((res) => {
    execFile(
      process.execPath,
      [...nodeArgs, BIN, ...args],
      { env: withTestSettings(clean, TEST_SETTINGS), timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = (err as { code?: unknown } | null)?.code;
        res({ code: err ? (typeof code === 'number' ? code : 1) : 0, stdout, stderr });
      },
    );
  });
}
