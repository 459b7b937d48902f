/**
 * Anchor for the process boundaries, enforced by Biome's linter (biome.jsonc: noRestrictedImports and
 * noRestrictedGlobals per folder; run by `npm run lint` in `npm test`): the real tree is clean, and a fixture
 * tree with one violation of each kind fails at each offending file:line with a message saying why.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../../..');
const BIOME = join(REPO, 'node_modules/.bin/biome');
const RULES = ['--only=style/noRestrictedImports', '--only=style/noRestrictedGlobals'];
const WHY = {
  renderer: 'renderer is sandboxed: reach main only through window.maskwork (shared/ipc/contract.ts)',
  rendererSdk: 'provider SDKs and native modules run in main only',
  shared: 'shared is pure TypeScript that main, the renderer and the CLI all load',
  sharedDom: 'shared also runs in main and the CLI, where there is no DOM',
  preload: 'never electron/main',
  model: 'model/ and workers/ are pure logic',
  commands: 'commands/ is the only code that touches the store, the blob store and the bridge',
};

interface Finding {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/** Runs the boundary rules over `paths` under `cwd`; returns Biome's findings and its exit status. */
function lintBoundaries(cwd: string, paths: string[]): { findings: Finding[]; status: number | null; pretty: string } {
  const json = spawnSync(BIOME, ['lint', ...RULES, '--reporter=json', '--max-diagnostics=500', ...paths], { cwd, encoding: 'utf8' });
  const report = JSON.parse(json.stdout) as {
    diagnostics: { category: string; message: string; location: { path: string; start: { line: number } } }[];
  };
  // Biome reports in no fixed order (its threads race): sorted by file and line.
  const findings = report.diagnostics
    .map((d) => ({
      file: d.location.path,
      line: d.location.start.line,
      rule: d.category.replace('lint/style/', ''),
      message: d.message,
    }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  // The JSON report leaves out the advice under a restricted global; the terminal report carries it.
  const pretty = spawnSync(BIOME, ['lint', ...RULES, '--max-diagnostics=500', ...paths], { cwd, encoding: 'utf8' });
  return { findings, status: json.status, pretty: pretty.stdout + pretty.stderr };
}

/** One violation of each kind; the line of each offending import is where the `// <-` marker is. */
const FIXTURE: Record<string, string> = {
  'renderer/ui/uses-electron.ts': "import { ipcRenderer } from 'electron'; // <-\nexport const x = ipcRenderer;\n",
  'renderer/ui/uses-node-prefix.tsx':
    "import React from 'react';\nimport { readFileSync } from 'node:fs'; // <-\nexport const A = () => React.createElement('div', null, String(readFileSync));\n",
  'renderer/ui/uses-builtin.ts':
    "// path is fine in a comment: import path from 'path'\nconst cp = require('child_process'); // <-\nexport default cp;\n",
  'renderer/ui/uses-main.ts': "import {\n  createHandlers,\n} from '../../electron/main/ipc/handlers'; // <-\nexport { createHandlers };\n",
  'renderer/ui/uses-dynamic.ts': "export const load = () => import('crypto'); // <-\n",
  'renderer/ui/uses-sdk.ts': "import OpenAI from 'openai'; // <-\nimport sharp from 'sharp'; // <-\nexport { OpenAI, sharp };\n",
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
  'shared/uses-renderer.ts': "import type { EditorStore } from '../renderer/commands/store/store'; // <-\nexport type S = EditorStore;\n",
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
  'renderer/commands/store/store.test.ts':
    "import { join } from 'node:path';\nimport { ipcMain } from 'electron'; // <-\nexport { join, ipcMain };\n",
  'electron/preload/index.ts':
    "import { contextBridge } from 'electron';\nimport { dispatch } from '../main/ipc/dispatch'; // <-\ncontextBridge.exposeInMainWorld('x', dispatch);\n",
  // Renderer layers: model/ and workers/ ← commands/ ← ui/.
  'renderer/model/uses-layers.ts': [
    "import { useEditor } from '../commands/store/store'; // <-",
    "import { App } from '../ui/App'; // <-",
    "import { useState } from 'react'; // <-",
    "import { create } from 'zustand'; // <-",
    "import { readFileSync } from 'node:fs'; // <-",
    "import { estimate } from './estimate';",
    'export const n = [useEditor, App, useState, create, readFileSync, estimate, window.name]; // <-',
    '',
  ].join('\n'),
  'renderer/workers/uses-commands.ts': "import { getMask } from '../commands/blob-store'; // <-\nexport { getMask };\n",
  'renderer/commands/uses-ui.ts': [
    "import { SHORTCUTS } from '../ui/keyboard/shortcuts'; // <-",
    "import { Stage } from 'react-konva'; // <-",
    "import { ipcRenderer } from 'electron'; // <-",
    "import { createUiSlice } from './store/ui-slice';",
    "import { estimate } from '../model/estimate';",
    "import { runMaskOp } from '../workers/mask-ops-client';",
    'export { SHORTCUTS, Stage, ipcRenderer, createUiSlice, estimate, runMaskOp };',
    '',
  ].join('\n'),
  // A test may wire the layers together (a model test that drives the store).
  'renderer/model/toasts.test.ts': "import { useEditor } from '../commands/store/store';\nexport { useEditor };\n",
  // Clean files: allowed imports must not be reported.
  'renderer/ui/clean-layers.tsx':
    "import { useEditor } from '../commands/store/store';\nimport { estimate } from '../model/estimate';\nimport { Stage } from 'react-konva';\nexport { useEditor, estimate, Stage };\n",
  'renderer/ui/clean.tsx':
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
let fixture: ReturnType<typeof lintBoundaries>;

beforeAll(() => {
  fixtureRoot = mkdtempSync(join(tmpdir(), 'maskwork-boundaries-'));
  for (const [file, text] of Object.entries(FIXTURE)) {
    mkdirSync(dirname(join(fixtureRoot, file)), { recursive: true });
    writeFileSync(join(fixtureRoot, file), text);
  }
  // The repository's own configuration, without its git ignore file (the fixture is no repository).
  writeFileSync(join(fixtureRoot, 'biome.json'), JSON.stringify({ extends: [join(REPO, 'biome.jsonc')], vcs: { enabled: false } }));
  fixture = lintBoundaries(fixtureRoot, ['.']);
});
afterAll(() => {
  if (fixtureRoot) rmSync(fixtureRoot, { recursive: true, force: true });
});

describe('process boundaries (biome.jsonc)', () => {
  it('the real tree (renderer/, shared/, electron/preload/) has no boundary violation', () => {
    const real = lintBoundaries(REPO, ['renderer', 'shared', 'electron/preload']);
    expect(real.findings.map((x) => `${x.file}:${x.line}: ${x.message}`)).toEqual([]);
    expect(real.status).toBe(0);
  });

  it('a fixture tree with one violation of each kind: every one is reported at its file:line, and nothing else', () => {
    const locations = fixture.findings.map((x) => `${x.file}:${x.line}`).sort();
    expect(locations).toEqual(expectedLocations());
    expect(fixture.status).toBe(1);
  });

  it('renderer violations say why: electron, node:*, a bare Node built-in, require(), import(), SDKs, and anything under electron/', () => {
    const byFile = (f: string) => fixture.findings.filter((x) => x.file === f);
    for (const f of [
      'renderer/ui/uses-electron.ts',
      'renderer/ui/uses-node-prefix.tsx',
      'renderer/ui/uses-dynamic.ts',
      'renderer/ui/uses-main.ts',
      'renderer/commands/store/store.test.ts',
    ])
      expect(byFile(f).map((x) => x.message)).toEqual([WHY.renderer]);
    expect(byFile('renderer/commands/store/store.test.ts')[0].line).toBe(2); // node:path above it is fine in a test
    expect(byFile('renderer/ui/uses-builtin.ts')).toMatchObject([{ rule: 'noRestrictedGlobals', line: 2 }]);
    expect(fixture.pretty).toMatch(/renderer\/ui\/uses-builtin\.ts:2[\s\S]*?require[\s\S]*?renderer is sandboxed/);
    expect(byFile('renderer/ui/uses-sdk.ts').map((x) => x.message.slice(0, WHY.rendererSdk.length))).toEqual([
      WHY.rendererSdk,
      WHY.rendererSdk,
    ]);
  });

  it('renderer layers: model/ and workers/ import nothing from commands/ or ui/ (nor React, zustand, the DOM), commands/ nothing from ui/; each says why', () => {
    const byFile = (f: string) => fixture.findings.filter((x) => x.file === f);
    /** The WHY key a message starts with (the message itself when none). */
    const why = (m: string) => Object.entries(WHY).find(([, w]) => m.startsWith(w))?.[0] ?? m;
    expect(byFile('renderer/model/uses-layers.ts').map((x) => [x.line, x.rule, why(x.message)])).toEqual([
      [1, 'noRestrictedImports', 'model'],
      [2, 'noRestrictedImports', 'model'],
      [3, 'noRestrictedImports', 'model'],
      [4, 'noRestrictedImports', 'model'],
      [5, 'noRestrictedImports', 'renderer'],
      [7, 'noRestrictedGlobals', 'Do not use the global variable window.'],
    ]);
    expect(fixture.pretty).toMatch(/renderer\/model\/uses-layers\.ts:7[\s\S]*?window[\s\S]*?model\/ and workers\/ are pure logic/);
    expect(byFile('renderer/workers/uses-commands.ts').map((x) => why(x.message))).toEqual(['model']);
    expect(byFile('renderer/commands/uses-ui.ts').map((x) => [x.line, why(x.message)])).toEqual([
      [1, 'commands'],
      [2, 'commands'],
      [3, 'renderer'],
    ]);
    expect(byFile('renderer/model/toasts.test.ts')).toEqual([]);
    expect(byFile('renderer/ui/clean-layers.tsx')).toEqual([]);
  });

  it('shared violations: UI/SDK/native packages, Node built-ins, renderer/ and electron/ imports, and DOM globals outside tests', () => {
    const shared = fixture.findings.filter((x) => x.file.startsWith('shared/'));
    const imports = shared.filter((x) => x.rule === 'noRestrictedImports');
    for (const x of imports) expect(x.message.startsWith(WHY.shared)).toBe(true);
    expect(imports.filter((x) => x.file === 'shared/uses-packages.ts')).toHaveLength(8);
    expect(imports.filter((x) => x.file === 'shared/uses-node.ts').map((x) => x.line)).toEqual([1, 2, 3]);
    expect(imports.filter((x) => x.file === 'shared/uses-renderer.ts')).toHaveLength(1);
    expect(imports.filter((x) => x.file === 'shared/ipc/uses-electron-dir.ts')).toHaveLength(1);
    // A shared test may read fixtures with node:fs and sharp, but not pull in React or main's code.
    expect(imports.filter((x) => x.file === 'shared/engine/photos.test.ts').map((x) => x.line)).toEqual([3, 4]);
    const dom = shared.filter((x) => x.rule === 'noRestrictedGlobals');
    expect(dom.map((x) => x.message).sort()).toEqual(
      ['HTMLCanvasElement', 'ImageData', 'document', 'window'].map((g) => `Do not use the global variable ${g}.`).sort(),
    );
    expect(dom.every((x) => x.file === 'shared/uses-dom.ts')).toBe(true);
    expect(fixture.pretty).toMatch(
      /shared\/uses-dom\.ts:4[\s\S]*?document[\s\S]*?shared also runs in main and the CLI, where there is no DOM/,
    );
  });

  it('the preload may not import electron/main', () => {
    const v = fixture.findings.filter((x) => x.file.startsWith('electron/'));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ file: 'electron/preload/index.ts', line: 2, rule: 'noRestrictedImports' });
    expect(v[0].message).toContain(WHY.preload);
  });
});
