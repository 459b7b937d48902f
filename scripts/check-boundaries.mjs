#!/usr/bin/env node
// Process boundaries, checked on the source tree (plain Node, no dependencies).
//
//   renderer/**  runs sandboxed in Chromium: no Electron, no Node built-ins, nothing from electron/.
//   shared/**    is pure TypeScript used by main, the renderer and the CLI: no UI or Node or native
//                libraries, nothing from renderer/ or electron/, and (outside tests) no DOM globals.
//   *.test.ts[x] files run only in Node under vitest: they may use Node built-ins and sharp for
//                fixtures; every other rule applies to them too.
//   electron/preload/** is sandboxed and bundled alone: it must not pull in main's code.
//
// Usage: node scripts/check-boundaries.mjs [root]   (exit 1 and one line per violation)
// API:   checkBoundaries(root) → Violation[]        (used by test/unit/anchors)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const WHY = {
  renderer: 'renderer is sandboxed: reach main only through window.maskwork (shared/ipc/contract.ts)',
  rendererSdk:
    'provider SDKs and native modules run in main only (API keys and native code never enter the renderer); reach them through window.maskwork (shared/ipc/contract.ts)',
  shared:
    'shared is pure TypeScript that main, the renderer and the CLI all load: no UI libraries, no Electron, no Node built-ins, no native or SDK modules, nothing from renderer/ or electron/',
  sharedDom:
    'shared also runs in main and the CLI, where there is no DOM: take pixels as typed arrays and let the renderer do the DOM work',
  preload:
    'the preload is sandboxed and bundled on its own: it may use shared/ and electron (contextBridge, ipcRenderer) only, never electron/main',
};

const EXPLICIT_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'dns',
  'url',
  'worker_threads',
  'cluster',
  'stream',
  'zlib',
  'buffer',
  'util',
  'events',
  'vm',
  'v8',
  'module',
  'process',
  'readline',
  'repl',
  'tty',
  'assert',
  'perf_hooks',
  'async_hooks',
  'inspector',
  'querystring',
  'string_decoder',
  'timers',
  'diagnostics_channel',
  'punycode',
  'constants',
  'sys',
  'wasi',
  'trace_events',
];
const NODE_BUILTINS = new Set([...EXPLICIT_BUILTINS, ...builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0])]);

const SHARED_BANNED_PACKAGES = new Set([
  'react',
  'react-dom',
  'konva',
  'react-konva',
  'zustand',
  'zundo',
  'electron',
  'openai',
  '@google/genai',
  'sharp',
]);
const RENDERER_SDK_PACKAGES = new Set(['openai', '@google/genai', 'sharp']);
/**
 * Test files (`*.test.ts[x]`) run only under vitest in Node and are never bundled (the shared and
 * renderer tsconfigs exclude them), so they may load fixtures with Node built-ins and sharp. They
 * may NOT import UI or SDK packages into shared, electron into the renderer, or cross directories.
 */
const TEST_TOOLING = new Set(['sharp']);

const DOM_GLOBALS = [
  { re: /(?<![\w$.])document\s*\./g, name: 'document.' },
  { re: /(?<![\w$.])window\s*\./g, name: 'window.' },
  { re: /(?<![\w$.])HTMLCanvasElement\b/g, name: 'HTMLCanvasElement' },
  { re: /(?<![\w$.])ImageData\b/g, name: 'ImageData' },
];

/**
 * @typedef {{ file: string, line: number, rule: string, specifier?: string, message: string }} Violation
 */

/** The package name of a bare specifier (`react/jsx-runtime` → `react`, `@google/genai/x` → `@google/genai`). */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(spec) {
  if (spec.startsWith('node:')) return true;
  return NODE_BUILTINS.has(packageName(spec));
}

function isRelative(spec) {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || spec.startsWith('/');
}

/** Repo-relative POSIX path a relative specifier points at (query such as `?worker` dropped). */
function resolveRelative(root, fromFile, spec) {
  const clean = spec.split('?')[0];
  const abs = spec.startsWith('/') ? resolve(root, '.' + clean) : resolve(dirname(join(root, fromFile)), clean);
  return relative(root, abs).split(sep).join('/');
}

const under = (path, dir) => path === dir || path.startsWith(dir + '/');

/**
 * Replaces comments and regex literal bodies (and, with `strings`, the contents of string and
 * template literals) by spaces,
 * keeping every newline so positions still map to the same lines.
 */
export function blankSource(text, { strings = false } = {}) {
  const out = text.split('');
  const n = text.length;
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const REGEX_AFTER = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
  const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|in|of|yield|await|void|delete|instanceof|new|throw|else|do)$/;
  const templateDepth = []; // brace depth at which each open `${` resumes its template
  let braces = 0;
  let lastSignificant = ''; // previous non-space code char
  let i = 0;
  const scanString = (quote) => {
    // i is at the opening quote; returns index after the closing quote (or at the newline).
    let j = i + 1;
    while (j < n && text[j] !== quote && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    return Math.min(n, text[j] === quote ? j + 1 : j);
  };
  const scanTemplate = (start) => {
    // start is just after ` or }; returns [end, endsWithInterpolation]
    let j = start;
    while (j < n) {
      if (text[j] === '\\') j += 2;
      else if (text[j] === '`') return [j + 1, false];
      else if (text[j] === '$' && text[j + 1] === '{') return [j + 2, true];
      else j++;
    }
    return [n, false];
  };
  while (i < n) {
    const c = text[i];
    const d = text[i + 1];
    if (c === '/' && d === '/') {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      blank(i, j);
      i = j;
      continue;
    }
    if (c === '/' && d === '*') {
      let j = text.indexOf('*/', i + 2);
      j = j < 0 ? n : j + 2;
      blank(i, j);
      i = j;
      continue;
    }
    if (c === "'" || c === '"') {
      const j = scanString(c);
      if (strings) blank(i + 1, j - 1);
      i = j;
      lastSignificant = c;
      continue;
    }
    if (c === '`' || (c === '}' && templateDepth.length && templateDepth[templateDepth.length - 1] === braces)) {
      if (c === '}') templateDepth.pop();
      const [j, interp] = scanTemplate(i + 1);
      if (strings) blank(i + 1, interp ? j - 2 : j - 1);
      if (interp) templateDepth.push(braces);
      i = j;
      lastSignificant = '`';
      continue;
    }
    if (c === '/') {
      const before = text.slice(Math.max(0, i - 12), i).trimEnd();
      if (!lastSignificant || REGEX_AFTER.has(lastSignificant) || REGEX_KEYWORDS.test(before)) {
        // Regex literal: up to the closing unescaped slash outside a class, never past the line.
        let j = i + 1;
        let inClass = false;
        while (j < n && text[j] !== '\n') {
          if (text[j] === '\\') j += 2;
          else if (text[j] === '[') (inClass = true), j++;
          else if (text[j] === ']') (inClass = false), j++;
          else if (text[j] === '/' && !inClass) break;
          else j++;
        }
        blank(i + 1, j); // a regex body is never code (and may look like `from 'fs'`)
        i = j < n && text[j] === '/' ? j + 1 : j;
        lastSignificant = 'r';
        continue;
      }
    }
    if (c === '{') braces++;
    else if (c === '}') braces--;
    if (!/\s/.test(c)) lastSignificant = c;
    i++;
  }
  return out.join('');
}

/** Every module specifier in a source text, with its 1-based line. */
export function importSpecifiers(text) {
  const code = blankSource(text);
  const found = [];
  const patterns = [
    /\bfrom\s*(['"])([^'"\n]+)\1/g, // import … from 'x' / export … from 'x'
    /\bimport\s*(['"])([^'"\n]+)\1/g, // import 'x'
    /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g, // import('x')
    /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g, // require('x'), import x = require('x')
  ];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) {
      const at = m.index + m[0].indexOf(m[1]);
      found.push({ specifier: m[2], line: lineAt(code, at) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

function lineAt(text, index) {
  let line = 1;
  for (let k = 0; k < index; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

function walk(root, dir, exts) {
  const abs = join(root, dir);
  let entries;
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  const files = [];
  for (const name of entries.sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const rel = `${dir}/${name}`;
    const st = statSync(join(root, rel));
    if (st.isDirectory()) files.push(...walk(root, rel, exts));
    else if (exts.some((e) => name.endsWith(e))) files.push(rel);
  }
  return files;
}

const isTestFile = (f) => /\.test\.tsx?$/.test(f);

/** Returns every boundary violation under `root` (empty when the tree is clean). */
export function checkBoundaries(root = process.cwd()) {
  root = resolve(root);
  /** @type {Violation[]} */
  const violations = [];
  const add = (file, line, rule, specifier, why, what) =>
    violations.push({ file, line, rule, specifier, message: `${file}:${line}: ${what} — ${why}` });

  for (const file of walk(root, 'renderer', ['.ts', '.tsx', '.mts'])) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const { specifier, line } of importSpecifiers(text)) {
      const what = `renderer imports "${specifier}"`;
      if (packageName(specifier) === 'electron') add(file, line, 'renderer-electron', specifier, WHY.renderer, what);
      else if (isRelative(specifier)) {
        const target = resolveRelative(root, file, specifier);
        if (under(target, 'electron')) add(file, line, 'renderer-electron-dir', specifier, WHY.renderer, `${what} (${target})`);
      } else if (isTestFile(file) && (isNodeBuiltin(specifier) || TEST_TOOLING.has(packageName(specifier)))) continue;
      else if (isNodeBuiltin(specifier)) add(file, line, 'renderer-node', specifier, WHY.renderer, `${what} (a Node built-in)`);
      else if (RENDERER_SDK_PACKAGES.has(packageName(specifier))) add(file, line, 'renderer-sdk', specifier, WHY.rendererSdk, what);
    }
  }

  for (const file of walk(root, 'shared', ['.ts', '.mts'])) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const { specifier, line } of importSpecifiers(text)) {
      const what = `shared imports "${specifier}"`;
      if (isRelative(specifier)) {
        const target = resolveRelative(root, file, specifier);
        if (under(target, 'renderer')) add(file, line, 'shared-renderer-dir', specifier, WHY.shared, `${what} (${target})`);
        else if (under(target, 'electron')) add(file, line, 'shared-electron-dir', specifier, WHY.shared, `${what} (${target})`);
      } else if (isTestFile(file) && (isNodeBuiltin(specifier) || TEST_TOOLING.has(packageName(specifier)))) continue;
      else if (isNodeBuiltin(specifier)) add(file, line, 'shared-node', specifier, WHY.shared, `${what} (a Node built-in)`);
      else if (SHARED_BANNED_PACKAGES.has(packageName(specifier))) add(file, line, 'shared-package', specifier, WHY.shared, what);
    }
    if (isTestFile(file)) continue;
    const code = blankSource(text, { strings: true });
    for (const { re, name } of DOM_GLOBALS) {
      for (const m of code.matchAll(re))
        add(file, lineAt(code, m.index), 'shared-dom', name, WHY.sharedDom, `shared uses the DOM global ${name}`);
    }
  }

  for (const file of walk(root, 'electron/preload', ['.ts', '.mts'])) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const { specifier, line } of importSpecifiers(text)) {
      if (!isRelative(specifier)) continue;
      const target = resolveRelative(root, file, specifier);
      if (under(target, 'electron/main'))
        add(file, line, 'preload-main', specifier, WHY.preload, `preload imports "${specifier}" (${target})`);
    }
  }

  return violations.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = checkBoundaries(root);
  if (violations.length) {
    for (const v of violations) console.error(v.message);
    console.error(`\n${violations.length} boundary violation${violations.length === 1 ? '' : 's'}.`);
    process.exit(1);
  }
  console.log('Boundaries OK: renderer, shared and preload import only what their process may load.');
}
