/**
 * Anchor for test/e2e/ and test/support/: browser tests drive the app the way a person does — keys
 * typed, the mouse moved, controls found by role and name. The first prompt a person typed failed
 * (a space could not be typed) while every test passed, because the tests set field values with
 * `.fill()`, which presses no key. This check fails the test run when a shortcut around real input
 * comes back: `.fill(`, `.selectOption(`, a store call (`useEditor…`, `.getState().x(`, `setState(`),
 * or a synthetic event or focus change (`dispatchEvent(`, `.blur()`, `.focus()`). The one synthetic
 * event allowed is a pointercancel, which no mouse or key can make.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const DIRS = ['test/e2e', 'test/support'];

const FORBIDDEN: Array<{ what: string; re: RegExp }> = [
  { what: '.fill( sets a field without key presses', re: /\.fill\(/ },
  { what: '.selectOption( picks an option without the keyboard or mouse', re: /\.selectOption\(/ },
  { what: 'the store (useEditor)', re: /\buseEditor\b/ },
  { what: 'a store call (.getState().x()', re: /\.getState\(\)\s*\.\s*\w+\s*\(/ },
  { what: 'a store mutation (setState()', re: /\bsetState\s*\(/ },
  // Except a pointercancel: the browser sends it when it takes a pointer away (no mouse or key makes
  // one), so tests of what a cancelled drag leaves dispatch that one event and nothing else.
  { what: 'a synthetic DOM event (dispatchEvent()', re: /\bdispatchEvent\s*\((?!.*['"]pointercancel['"])/ },
  { what: 'focus moved by page code (.blur())', re: /\.blur\??\.?\(/ },
  { what: 'focus moved by page code (.focus())', re: /\.focus\(\)/ },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Each forbidden use in `src`, as `line: what`. Comments are skipped (they may name what is forbidden). */
function findShortcuts(src: string): string[] {
  const out: string[] = [];
  // Block comments become blank (keeping their line breaks, so line numbers stay right).
  const uncommented = src.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  uncommented.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    for (const f of FORBIDDEN) if (f.re.test(code)) out.push(`${i + 1}: ${f.what}`);
  });
  return out;
}

describe('browser tests use real input', () => {
  it('the check finds each shortcut (so it can fail)', () => {
    expect(findShortcuts("await page.getByTestId('prompt').fill('a b');")).toHaveLength(1);
    expect(findShortcuts("await sel.selectOption('gpt-image-2');")).toHaveLength(1);
    expect(findShortcuts('page.evaluate(() => useEditor.getState().setTool("brush"))')).toHaveLength(2);
    expect(findShortcuts('store.setState({ tool: "brush" })')).toHaveLength(1);
    expect(findShortcuts('target.dispatchEvent(new DragEvent("drop"))')).toHaveLength(1);
    expect(findShortcuts("await page.dispatchEvent('#stage', 'pointerup', {});")).toHaveLength(1);
    expect(findShortcuts("await page.dispatchEvent('#stage', 'pointercancel', { pointerId: 1 });")).toEqual([]);
    expect(findShortcuts('(document.activeElement as HTMLElement)?.blur?.()')).toHaveLength(1);
    expect(findShortcuts('await select.focus();')).toHaveLength(1);
    expect(findShortcuts('// never .fill( here')).toEqual([]);
    expect(findShortcuts('/** no `.fill()` here */\nconst a = 1;\n/*\n * nor .fill( here\n */')).toEqual([]);
    expect(findShortcuts('/** a comment */ await f.fill("x");')).toEqual(['1: .fill( sets a field without key presses']);
    expect(findShortcuts("await field.pressSequentially('a b');")).toEqual([]);
  });

  it('test/e2e and test/support contain none of them', () => {
    const files = DIRS.flatMap((d) => sources(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((p) => findShortcuts(readFileSync(p, 'utf8')).map((f) => `${relative(ROOT, p)}:${f}`));
    expect(found).toEqual([]);
  });
});
