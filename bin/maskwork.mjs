#!/usr/bin/env node
// Entry point installed as `maskwork`; runs the bundled CLI (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const built = join(here, '..', 'out', 'cli', 'index.js');
if (!existsSync(built)) {
  console.error('maskwork: the CLI is not built yet. Run `npm run build` in the Maskwork folder first.');
  process.exit(1);
}
await import(pathToFileURL(built).href);
