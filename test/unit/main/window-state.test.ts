/**
 * electron/main/window-state.ts: the window opens where it was left — size, place, maximised, full
 * screen — unless that place is on no screen any more; its state is saved half a second after it
 * last changed and at once on close. Electron's window and screens are stand-ins.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  openingState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  type Rect,
  type WindowState,
} from '../../../electron/main/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const monitor: Rect = { x: 1920, y: -300, width: 3840, height: 2100 };
const state = (bounds: Rect, maximized = false, fullScreen = false): WindowState => ({ bounds, maximized, fullScreen });

describe('where the window opens', () => {
  it('the first time: 1440×900 centred on the primary screen', () => {
    expect(openingState(null, [laptop, monitor])).toEqual(state({ x: 240, y: 75, ...DEFAULT_SIZE }));
  });

  it('where it was left, on any screen (a second monitor too), maximised as it was', () => {
    const onMonitor = state({ x: 2100, y: 0, width: 3000, height: 1800 }, true);
    expect(openingState(onMonitor, [laptop, monitor])).toEqual(onMonitor);
  });

  it('left on a monitor unplugged since: centred on the primary screen, shrunk to fit it', () => {
    const onMonitor = state({ x: 2100, y: 0, width: 3000, height: 1800 }, true);
    expect(openingState(onMonitor, [laptop])).toEqual(state({ x: 0, y: 0, width: 1920, height: 1050 }, true));
  });

  it('a title bar off the top of the screens, or barely on one, is not used', () => {
    expect(openingState(state({ x: 100, y: -400, width: 1200, height: 800 }), [laptop]).bounds).toEqual({
      x: 360,
      y: 125,
      width: 1200,
      height: 800,
    });
    expect(openingState(state({ x: 1900, y: 100, width: 1200, height: 800 }), [laptop]).bounds.x).toBe(360);
  });

  it('a window dragged to a sliver comes back at the smallest useful size', () => {
    expect(openingState(state({ x: 10, y: 10, width: 120, height: 90 }), [laptop]).bounds).toEqual({ x: 10, y: 10, ...MIN_SIZE });
  });

  it('a saved file that is not a state is ignored', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('{oops')).toBeNull();
    expect(
      parseWindowState(JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false, fullScreen: false })),
    ).toBeNull();
    expect(
      parseWindowState(JSON.stringify({ bounds: { x: 0.5, y: 0, width: 800, height: 600 }, maximized: false, fullScreen: false })),
    ).toBeNull();
    expect(parseWindowState(JSON.stringify(state({ x: 1, y: 2, width: 800, height: 600 }, false, true)))).toEqual(
      state({ x: 1, y: 2, width: 800, height: 600 }, false, true),
    );
  });
});

class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  getNormalBounds() {
    return { ...this.bounds };
  }
  isMaximized() {
    return this.maximized;
  }
  isFullScreen() {
    return false;
  }
}

describe('saving the state', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('half a second after the last move or resize, and at once on close', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    const saved: WindowState[] = [];
    trackWindowState(win, (s) => saved.push(s));
    win.bounds = { ...win.bounds, x: 50 };
    win.emit('move');
    vi.advanceTimersByTime(300);
    win.bounds = { ...win.bounds, width: 1200 };
    win.emit('resize');
    vi.advanceTimersByTime(300);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(saved).toEqual([state({ x: 50, y: 20, width: 1200, height: 700 })]);
    // Maximised: the normal bounds are kept with the flag; closing saves without waiting.
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(saved.at(-1)).toEqual(state({ x: 50, y: 20, width: 1200, height: 700 }, true));
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(2); // the pending save was folded into the close's
  });

  it('round-trips through its file; a damaged file reads as none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maskwork-winstate-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(loadWindowState(file)).toBeNull();
      saveWindowState(file, state({ x: 3, y: 4, width: 900, height: 700 }, true));
      expect(loadWindowState(file)).toEqual(state({ x: 3, y: 4, width: 900, height: 700 }, true));
      writeFileSync(file, '{"bounds":');
      expect(loadWindowState(file)).toBeNull();
      saveWindowState(join(dir, 'missing-folder', 'x.json'), state(laptop)); // no throw: only the place is lost
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
