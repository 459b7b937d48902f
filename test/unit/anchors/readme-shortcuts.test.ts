/**
 * Anchor for README.md's "Keyboard shortcuts" table against renderer/ui/keyboard/shortcuts.ts: every
 * shortcut the editor handles is in the table (as `keys`), and the table states the typing rule.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SHORTCUTS } from '../../../renderer/ui/keyboard/shortcuts';

const README = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
const section = README.split('\n## Keyboard shortcuts\n')[1]?.split('\n## ')[0] ?? '';

describe('README keyboard shortcuts', () => {
  it('has the section', () => {
    expect(section.length).toBeGreaterThan(500);
  });

  it('lists every shortcut of shortcuts.ts', () => {
    expect(SHORTCUTS.length).toBeGreaterThan(25);
    const missing = SHORTCUTS.filter((s) => !section.includes(`\`${s.keys}\``)).map((s) => `${s.keys} (${s.label})`);
    expect(missing).toEqual([]);
  });

  it('lists the keys the canvas handles and the rule that shortcuts do not fire while typing', () => {
    for (const key of ['`Space` (hold)', 'middle-button', 'mouse wheel', '`Backspace`', '`Ctrl+V`']) expect(section).toContain(key);
    expect(section).toContain('Shortcuts never fire while you type');
    // The few shortcuts that act while typing are marked so in their row.
    for (const s of SHORTCUTS.filter((x) => x.global)) {
      const row = section.split('\n').find((l) => l.startsWith(`| \`${s.keys}\``));
      expect(row, s.keys).toMatch(/also while typing/);
    }
  });
});
