/**
 * electron/main/unsaved-close.ts with a mocked `electron`: when the page objects to unloading
 * (unsaved changes), main asks; "Close without saving" lets the window close, "Cancel" keeps it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ answer: 1, asked: [] as any[] }));
vi.mock('electron', () => ({
  dialog: {
    showMessageBoxSync: (win: unknown, opts: unknown) => {
      fake.asked.push({ win, opts });
      return fake.answer;
    },
  },
}));

import { confirmCloseWithUnsavedChanges } from '../../../electron/main/unsaved-close';

function fakeWindow() {
  const listeners = new Map<string, (e: { preventDefault(): void }) => void>();
  const win = { webContents: { on: (name: string, fn: (e: { preventDefault(): void }) => void) => listeners.set(name, fn) } };
  confirmCloseWithUnsavedChanges(win as never);
  return {
    win,
    /** Emits will-prevent-unload; true when main let the window close (preventDefault). */
    objectToUnload(): boolean {
      let closed = false;
      listeners.get('will-prevent-unload')!({ preventDefault: () => (closed = true) });
      return closed;
    },
  };
}

beforeEach(() => {
  fake.asked.length = 0;
});

describe('closing with unsaved changes', () => {
  it('asks with the window as parent; Cancel keeps the window open', () => {
    const w = fakeWindow();
    fake.answer = 1;
    expect(w.objectToUnload()).toBe(false);
    expect(fake.asked).toHaveLength(1);
    expect(fake.asked[0].win).toBe(w.win);
    expect(fake.asked[0].opts).toMatchObject({ buttons: ['Close without saving', 'Cancel'], cancelId: 1, defaultId: 1 });
  });

  it('"Close without saving" closes', () => {
    const w = fakeWindow();
    fake.answer = 0;
    expect(w.objectToUnload()).toBe(true);
  });
});
