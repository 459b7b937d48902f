/**
 * Anchor for the BUILT renderer, out/renderer/assets/*.js (vite build of renderer/): the sandboxed
 * page's code references no Node built-in, no Electron module and no ipcRenderer — it can only talk
 * to main through window.maskwork.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtinModules } from 'node:module';

const ASSETS = resolve(__dirname, '../../../out/renderer/assets');
const Q = '["\'`]';
const BUILTINS = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]))].filter((m) => !m.startsWith('_'));
const BUILTIN_ALT = BUILTINS.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** What must never appear in renderer code, each with a description for the failure message. */
const FORBIDDEN: Array<{ what: string; re: RegExp }> = [
  {
    what: 'require() of a Node built-in',
    re: new RegExp(`\\brequire\\s*\\(\\s*${Q}(?:node:)?(?:${BUILTIN_ALT})(?:/[^"'\`]*)?${Q}\\s*\\)`),
  },
  { what: 'a node: module import', re: new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|\\brequire\\s*\\(\\s*)${Q}node:`) },
  { what: 'an import of a Node built-in', re: new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*)${Q}(?:${BUILTIN_ALT})(?:/[^"'\`]*)?${Q}`) },
  { what: 'process.binding', re: /\bprocess\s*\.\s*(?:binding|_linkedBinding|dlopen)\b/ },
  {
    what: 'the electron module',
    re: new RegExp(`(?:\\brequire\\s*\\(\\s*|\\bfrom\\s*|\\bimport\\s*\\(?\\s*)${Q}electron(?:/[^"'\`]*)?${Q}`),
  },
  { what: 'ipcRenderer', re: /ipcRenderer/ },
];

function forbiddenReferences(text: string): string[] {
  return FORBIDDEN.filter((f) => f.re.test(text)).map((f) => {
    const m = text.match(f.re)!;
    return `${f.what}: …${text.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 40)}…`;
  });
}

function bundleFiles(): string[] {
  if (!existsSync(ASSETS)) throw new Error(`${ASSETS} is missing: run npm run build (the anchor checks the built renderer).`);
  const files = readdirSync(ASSETS).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
  if (!files.length) throw new Error(`no .js in ${ASSETS}: run npm run build`);
  return files.map((f) => join(ASSETS, f));
}

describe('out/renderer/assets/*.js (built from renderer/)', () => {
  it('the detector finds each forbidden reference in a sample (so a clean result means something)', () => {
    const samples = [
      'var f=require("fs")',
      "const c = require('child_process')",
      'import{readFile as r}from"node:fs/promises"',
      'const p=await import(`node:path`)',
      'import os from "os"',
      'process.binding("natives")',
      'const {ipcRenderer:i}=require(`electron`)',
      'import { shell } from "electron"',
      'window.ipcRenderer.send(1)',
    ];
    for (const s of samples) expect(forbiddenReferences(s), s).not.toEqual([]);
    // Things minified browser code legitimately contains.
    for (const s of [
      'return{node:n,offset:t}',
      'typeof process==`object`&&process.emit',
      'e.path.join',
      'const url=new URL(x)',
      'a.events.onJobProgress',
    ]) {
      expect(forbiddenReferences(s), s).toEqual([]);
    }
  });

  it('contains no Node built-in, no electron module reference and no ipcRenderer', () => {
    const found: string[] = [];
    for (const f of bundleFiles()) for (const hit of forbiddenReferences(readFileSync(f, 'utf8'))) found.push(`${f}: ${hit}`);
    expect(found).toEqual([]);
  });

  it('the page loads only its own bundled scripts (no remote or inline script)', () => {
    const html = readFileSync(resolve(ASSETS, '../index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe('');
      expect(attrs).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
    }
  });
});
