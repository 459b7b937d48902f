/**
 * Anchor for scripts/check-boundaries.mjs and the process boundaries it enforces: the real tree is
 * clean, and a fixture tree with one violation of each kind fails with a file:line message saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const REPO = resolve(__dirname, '../../..');
const SCRIPT = join(REPO, 'scripts/check-boundaries.mjs');
const RENDERER_WHY = 'renderer is sandboxed: reach main only through window.maskwork (shared/ipc/contract.ts)';

interface Violation {
  file: string;
  line: number;
  rule: string;
  specifier?: string;
  message: string;
}
let checkBoundaries: (root: string) => Violation[];

/** One violation of each kind; the line of each offending import is where the `// <-` marker is. */
const FIXTURE: Record<string, string> = {
  'renderer/app/uses-electron.ts': "import { ipcRenderer } from 'electron'; // <-\nexport const x = ipcRenderer;\n",
  'renderer/app/uses-node-prefix.tsx':
    "import React from 'react';\nimport { readFileSync } from 'node:fs'; // <-\nexport const A = () => React.createElement('div', null, String(readFileSync));\n",
  'renderer/app/uses-builtin.ts':
    "// path is fine in a comment: import path from 'path'\nconst cp = require('child_process'); // <-\nexport default cp;\n",
  'renderer/app/uses-main.ts':
    "import {\n  createHandlers,\n} from '../../electron/main/ipc/handlers'; // <-\nexport { createHandlers };\n",
  'renderer/app/uses-dynamic.ts': "export const load = () => import('crypto'); // <-\n",
  'shared/uses-react.ts': "import { useState } from 'react'; // <-\nexport { useState };\n",
  'shared/uses-packages.ts': [
    "import { createRoot } from 'react-dom/client'; // <-",
    "import Konva from 'konva'; // <-",
    "import { Stage } from 'react-konva'; // <-",
    "import { create } from 'zustand'; // <-",
    "import { app } from 'electron'; // <-",
    "import OpenAI from 'openai'; // <-",
    "import { GoogleGenAI } from '@google/genai'; // <-",
    "import sharp from 'sharp'; // <-",
    'export { createRoot, Konva, Stage, create, app, OpenAI, GoogleGenAI, sharp };',
    '',
  ].join('\n'),
  'shared/uses-node.ts':
    "import { readFile } from 'node:fs/promises'; // <-\nimport os from 'os'; // <-\nimport { Worker } from 'worker_threads'; // <-\nexport { readFile, os, Worker };\n",
  'shared/uses-renderer.ts': "import type { EditorStore } from '../renderer/store/store'; // <-\nexport type S = EditorStore;\n",
  'shared/ipc/uses-electron-dir.ts': "export * from '../../electron/main/services/redact'; // <-\n",
  'shared/uses-dom.ts': [
    '/** Mentions window.maskwork and ImageData in a comment only. */',
    "const label = 'document.title is fine in a string';",
    'export function draw(): void {',
    "  const c = document.createElement('canvas'); // <-",
    '  const w = window.innerWidth; // <-',
    '  const img = new ImageData(1, 1); // <-',
    '  const el: HTMLCanvasElement = c; // <-',
    '  void [label, w, img, el];',
    '}',
    '',
  ].join('\n'),
  'shared/uses-dom.test.ts': "import { it } from 'vitest';\nit('may use the DOM in a test', () => void document.body);\n",
  // Tests run in Node only: fixtures may be loaded with Node built-ins and sharp, but the other rules hold.
  'shared/engine/photos.test.ts':
    "import { readFileSync } from 'node:fs';\nimport sharp from 'sharp';\nimport { useState } from 'react'; // <-\nimport { x } from '../../electron/main/y'; // <-\nexport { readFileSync, sharp, useState, x };\n",
  'renderer/store/store.test.ts':
    "import { join } from 'node:path';\nimport { ipcMain } from 'electron'; // <-\nexport { join, ipcMain };\n",
  'electron/preload/index.ts':
    "import { contextBridge } from 'electron';\nimport { dispatch } from '../main/ipc/dispatch'; // <-\ncontextBridge.exposeInMainWorld('x', dispatch);\n",
  // Clean files: allowed imports must not be reported.
  'renderer/app/clean.tsx':
    "import { useEffect } from 'react';\nimport { create } from 'zustand';\nimport type { Result } from '../../shared/errors';\nimport { x } from './uses-electron';\nconst u = new URL('./w.js', import.meta.url);\nexport { useEffect, create, x, u };\nexport type R = Result<number>;\n",
  'shared/clean.ts':
    "import { channels } from './ipc/contract';\nconst re = /from 'fs'/; // a regex, not an import\nexport const n = Object.keys(channels).length + String(re).length;\n",
  'electron/preload/helper.ts': "import { buildBridge } from '../../shared/ipc/bridge';\nexport { buildBridge };\n",
};

/** `file:line` of every `// <-` marker in the fixture. */
function expectedLocations(): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(FIXTURE)) {
    text.split('\n').forEach((line, i) => {
      if (line.includes('// <-')) out.push(`${file}:${i + 1}`);
    });
  }
  return out.sort();
}

let fixtureRoot: string;

beforeAll(async () => {
  ({ checkBoundaries } = await import(/* @vite-ignore */ pathToFileURL(SCRIPT).href));
  fixtureRoot = mkdtempSync(join(tmpdir(), 'maskwork-boundaries-'));
  for (const [file, text] of Object.entries(FIXTURE)) {
    mkdirSync(dirname(join(fixtureRoot, file)), { recursive: true });
    writeFileSync(join(fixtureRoot, file), text);
  }
});
afterAll(() => {
  if (fixtureRoot) rmSync(fixtureRoot, { recursive: true, force: true });
});

describe('scripts/check-boundaries.mjs', () => {
  it('the real tree (renderer/, shared/, electron/preload/) has no boundary violation', () => {
    const v = checkBoundaries(REPO);
    expect(v.map((x) => x.message)).toEqual([]);
  });

  it('the CLI exits 0 on the real tree', () => {
    const r = spawnSync(process.execPath, [SCRIPT, REPO], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a fixture tree with one violation of each kind: every one is reported at its file:line, and nothing else', () => {
    const v = checkBoundaries(fixtureRoot);
    const locations = [...new Set(v.map((x) => `${x.file}:${x.line}`))].sort();
    expect(locations).toEqual(expectedLocations());
    expect(v).toHaveLength(expectedLocations().length);
  });

  it('renderer violations say why: electron, node:*, a bare Node built-in, require(), import(), and anything under electron/', () => {
    const v = checkBoundaries(fixtureRoot).filter((x) => x.file.startsWith('renderer/'));
    expect(v.find((x) => x.file === 'renderer/store/store.test.ts')).toMatchObject({ rule: 'renderer-electron', line: 2 });
    const byFile = Object.fromEntries(v.map((x) => [x.file, x]));
    expect(byFile['renderer/app/uses-electron.ts'].rule).toBe('renderer-electron');
    expect(byFile['renderer/app/uses-node-prefix.tsx'].rule).toBe('renderer-node');
    expect(byFile['renderer/app/uses-builtin.ts'].rule).toBe('renderer-node');
    expect(byFile['renderer/app/uses-dynamic.ts'].specifier).toBe('crypto');
    expect(byFile['renderer/app/uses-main.ts'].rule).toBe('renderer-electron-dir');
    expect(byFile['renderer/app/uses-main.ts'].message).toContain('electron/main/ipc/handlers');
    for (const x of v) {
      expect(x.message.startsWith(`${x.file}:${x.line}: `)).toBe(true);
      expect(x.message).toContain(RENDERER_WHY);
      expect(x.message).toContain(`"${x.specifier}"`);
    }
  });

  it('shared violations: UI/SDK/native packages, Node built-ins, renderer/ and electron/ imports, and DOM globals outside tests', () => {
    const v = checkBoundaries(fixtureRoot).filter((x) => x.file.startsWith('shared/'));
    const specs = v
      .filter((x) => x.rule === 'shared-package' && !x.file.endsWith('.test.ts'))
      .map((x) => x.specifier)
      .sort();
    expect(specs).toEqual(
      ['@google/genai', 'electron', 'konva', 'openai', 'react', 'react-dom/client', 'react-konva', 'sharp', 'zustand'].sort(),
    );
    // A shared test may read fixtures with node:fs and sharp, but not pull in React or main's code.
    expect(v.filter((x) => x.file === 'shared/engine/photos.test.ts').map((x) => `${x.line}:${x.rule}`)).toEqual([
      '3:shared-package',
      '4:shared-electron-dir',
    ]);
    expect(
      v
        .filter((x) => x.rule === 'shared-node')
        .map((x) => x.specifier)
        .sort(),
    ).toEqual(['node:fs/promises', 'os', 'worker_threads']);
    expect(v.filter((x) => x.rule === 'shared-renderer-dir').map((x) => x.file)).toEqual(['shared/uses-renderer.ts']);
    expect(
      v
        .filter((x) => x.rule === 'shared-electron-dir')
        .map((x) => x.file)
        .sort(),
    ).toEqual(['shared/engine/photos.test.ts', 'shared/ipc/uses-electron-dir.ts']);
    const dom = v.filter((x) => x.rule === 'shared-dom');
    expect(dom.map((x) => x.specifier).sort()).toEqual(['HTMLCanvasElement', 'ImageData', 'document.', 'window.']);
    expect(dom.every((x) => x.file === 'shared/uses-dom.ts')).toBe(true);
    for (const x of v) {
      expect(x.message.startsWith(`${x.file}:${x.line}: `)).toBe(true);
      expect(x.message).toMatch(/shared (is pure TypeScript|also runs in main)/);
    }
  });

  it('the preload may not import electron/main', () => {
    const v = checkBoundaries(fixtureRoot).filter((x) => x.file.startsWith('electron/'));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ file: 'electron/preload/index.ts', line: 2, rule: 'preload-main' });
    expect(v[0].message).toContain('never electron/main');
  });

  it('the CLI exits 1 on the fixture and prints one file:line line per violation', () => {
    const r = spawnSync(process.execPath, [SCRIPT, fixtureRoot], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    for (const loc of expectedLocations()) expect(r.stderr).toContain(`${loc}: `);
    expect(r.stderr).toContain(RENDERER_WHY);
    expect(r.stderr).toContain(`${expectedLocations().length} boundary violations`);
  });
});
