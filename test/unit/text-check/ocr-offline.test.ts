/**
 * The OCR never touches the network: a child process with every network door shut
 * (test/support/no-network.cjs, preloaded into the OCR worker thread too) reads a fixture. The
 * control run proves the guard would catch tesseract.js's default CDN download.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    ['--require', './test/support/no-network.cjs', 'scripts/run-ts.mjs', 'test/unit/text-check/ocr-offline-child.ts', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );

describe('offline OCR', () => {
  it('reads text with the network shut, from local files only', () => {
    const r = run('test/fixtures/text/v2-right.png');
    expect(r.stderr).not.toContain('NETWORK ATTEMPT');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toEqual({ text: 'V2.0', glyphs: 4 });
  });

  it('control: the guard catches a download attempted from the OCR worker thread', () => {
    const r = run('-', 'control');
    // The guard prints NETWORK ATTEMPT and throws; a worker thread's stderr line can be lost when its
    // throw ends the process first, so the thrown message counts as the same evidence.
    expect(r.stderr).toMatch(/NETWORK ATTEMPT: fetch https:\/\/|network disabled by test: fetch https:\/\//);
    expect(r.stdout).not.toContain('loaded');
  });
});
