#!/usr/bin/env node
// Runs a TypeScript entry point under Node by bundling it with esbuild first.
// Usage: node scripts/run-ts.mjs <entry.ts> [args...]
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
// Under out/ (per checkout, ignored), not node_modules: that may be a link into another checkout, and
// the entry's import.meta.url must stay in this one (the harness finds out/renderer and bin/ from it).
mkdirSync(resolve('out'), { recursive: true });
const dir = mkdtempSync(join(resolve('out'), '.run-ts-'));
const outfile = join(dir, 'entry.mjs');
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
  sourcemap: 'inline',
});
process.argv = [process.argv[0], entry, ...rest];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
