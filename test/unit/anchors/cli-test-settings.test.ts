/**
 * Anchor for test/: every run of the `maskwork` CLI in a test uses a temp settings folder
 * (MASKWORK_SETTINGS_DIR), never the developer's own app settings — its spend cap would refuse a
 * test's request, and its spend ledger would count the fake servers' "charges". A CLI child started
 * without the variable found the app's folder through the account's home (its env names no HOME,
 * but os.homedir() reads the password file), and an in-process CliSession read `process.env`. So a
 * spawn/execFile of the CLI passes its env through `withTestSettings` (test/support/cli-run.ts),
 * and a test that starts a CliSession sets MASKWORK_SETTINGS_DIR itself.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** The CLI's script as tests name it: `BIN`, `bin` (a helper's parameter) or the path itself. */
const CLI_SCRIPT = /\[\s*(?:\.\.\.\w+,\s*)?(?:(?:BIN|bin)\b|join\(REPO,\s*'bin\/maskwork\.mjs'\))/;

/** Each launch of the CLI in `src` that does not pass its env through withTestSettings, as `line: call`. */
function unsettledLaunches(src: string): string[] {
  const out: string[] = [];
  const uncommented = src.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
  for (const m of uncommented.matchAll(/\b(spawn|execFile)\(/g)) {
    // The call's text up to its options' end (a launch's args and env fit in this much).
    const call = uncommented.slice(m.index, m.index + 300);
    if (!CLI_SCRIPT.test(call)) continue;
    if (!call.includes('withTestSettings(')) out.push(`${uncommented.slice(0, m.index).split('\n').length}: ${m[1]}`);
  }
  if (/\bCliSession\.start\(/.test(uncommented) && !uncommented.includes("'MASKWORK_SETTINGS_DIR'"))
    out.push('CliSession.start without its own MASKWORK_SETTINGS_DIR');
  return out;
}

describe('CLI runs in tests use a temp settings folder', () => {
  it('the check finds each launch without one (so it can fail)', () => {
    expect(unsettledLaunches('execFile(process.execPath, [BIN, ...args], { env: cliEnv() }, cb)')).toEqual(['1: execFile']);
    expect(unsettledLaunches('const child = spawn(process.execPath, [bin, ...args], { env, stdio })')).toEqual(['1: spawn']);
    expect(unsettledLaunches("execFile(\n process.execPath,\n [join(REPO, 'bin/maskwork.mjs'), ...args],\n { env })")).toEqual([
      '1: execFile',
    ]);
    expect(unsettledLaunches('spawn(process.execPath, [BIN, ...a], { env: withTestSettings(env()) })')).toEqual([]);
    expect(unsettledLaunches("spawn(process.execPath, ['out/dev-host/index.js'], { env })")).toEqual([]);
    expect(unsettledLaunches('const s = CliSession.start(() => {});')).toEqual(['CliSession.start without its own MASKWORK_SETTINGS_DIR']);
    expect(unsettledLaunches("vi.stubEnv('MASKWORK_SETTINGS_DIR', dir); CliSession.start(() => {});")).toEqual([]);
  });

  it('no test starts the CLI with the machine’s own settings', () => {
    const found: string[] = [];
    for (const file of sources(join(ROOT, 'test'))) {
      if (file === __filename) continue;
      for (const hit of unsettledLaunches(readFileSync(file, 'utf8'))) found.push(`${relative(ROOT, file)}:${hit}`);
    }
    expect(found).toEqual([]);
  });
});
