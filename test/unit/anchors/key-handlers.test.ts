/**
 * Anchor for renderer/ui/keyboard/field-focus.ts: every window- or document-level key handler in
 * renderer/ asks the one shared predicate whether the key belongs to a focused field before acting,
 * so no shortcut types over a prompt again (the Space-to-pan handler once swallowed every space typed
 * into the prompt box because it had its own, narrower check). The exceptions (EXEMPT) act on no
 * key a field could want: the settings dialog's key trap, and handlers that only mark or cancel.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const RENDERER = join(ROOT, 'renderer');
const EXEMPT: Record<string, string> = {
  'renderer/ui/panels/SettingsModal.tsx': 'a modal key trap: Esc closes it, other keys outside it are stopped',
  'renderer/ui/keyboard/release-select-on-pick.ts':
    'acts on no key: a key on a select only marks it (worked with the keys, or its list closed with Esc)',
  'renderer/ui/panels/LayerOpacity.tsx': 'only while the word Opacity is dragged: Esc cancels that drag, as it cancels any gesture',
  'renderer/ui/keyboard/keyboard-reach.ts':
    'acts on no key: a Tab only marks the focus it moves as reached with the keyboard (field-focus reads it)',
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('global key handlers', () => {
  const withKeydown = files(RENDERER)
    .map((p) => ({ rel: relative(ROOT, p).split('\\').join('/'), src: readFileSync(p, 'utf8') }))
    .filter((f) => /addEventListener\(\s*['"]keydown['"]/.test(f.src));

  it('exist (so this check checks something)', () => {
    expect(withKeydown.map((f) => f.rel)).toEqual(
      expect.arrayContaining(['renderer/ui/keyboard/shortcuts.ts', 'renderer/ui/canvas/EditorStage.tsx']),
    );
  });

  it('all use the shared field-focus predicate', () => {
    const offenders = withKeydown
      .filter((f) => !EXEMPT[f.rel])
      .filter((f) => !/from '(\.\.?\/)+(keyboard\/)?field-focus'/.test(f.src) || !/fieldOwnsKey\(/.test(f.src))
      .map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('no handler keeps a private list of field tags', () => {
    const offenders = files(RENDERER)
      .filter((p) => !p.endsWith('field-focus.ts'))
      .filter((p) =>
        /tagName\s*===\s*['"](INPUT|TEXTAREA|SELECT)['"]|instanceof\s+HTML(Input|TextArea)Element\)/.test(readFileSync(p, 'utf8')),
      )
      .map((p) => relative(ROOT, p));
    expect(offenders).toEqual([]);
  });
});
