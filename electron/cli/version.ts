/**
 * The version in package.json, read when asked: the built CLI (out/cli/index.js) and its source
 * (electron/cli/version.ts) are both two folders below it. Imports only node:fs, so `--version`
 * stays as lean as `--help`.
 */
import { readFileSync } from 'node:fs';

export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
