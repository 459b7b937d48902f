#!/usr/bin/env node
// Prints the plain CI line "N passed, N failed" from vitest's JSON report.
// Exits 1 when the report is missing, empty, or has failures.
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-report.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  console.error(`ci-summary: ${file} was not written (the build or type-check failed before the tests ran).`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of report.testResults ?? []) {
  for (const t of suite.assertionResults ?? []) {
    if (t.status === 'passed') passed++;
    else if (t.status === 'failed') failed++;
    else skipped++;
  }
  // A file that failed to load has no assertion results but a failed status.
  if ((suite.assertionResults ?? []).length === 0 && suite.status === 'failed') failed++;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
