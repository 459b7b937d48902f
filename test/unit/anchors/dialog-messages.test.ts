/**
 * Anchor for renderer/ui: every modal dialog (aria-modal="true") holds the app's messages in its own
 * accessible tree (<DialogMessages />, panels/DialogMessages.tsx): a screen reader kept inside the
 * dialog did not reach the messages, which sit outside it (test/e2e/dialog-messages.e2e.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx$/.test(n) ? [p] : [];
  });
}

/** A JSX element made modal here (not a selector looking for one, `[aria-modal="true"]`). */
const MODAL = /(?<!\[)aria-modal="true"(?!\])/;

describe('messages reach an open modal dialog', () => {
  it('every modal dialog renders DialogMessages', () => {
    const modal = sources(join(ROOT, 'renderer/ui')).filter((f) => MODAL.test(readFileSync(f, 'utf8')));
    expect(modal.length).toBeGreaterThanOrEqual(7);
    const without = modal.filter((f) => !readFileSync(f, 'utf8').includes('<DialogMessages />')).map((f) => relative(ROOT, f));
    expect(without).toEqual([]);
  });
});
