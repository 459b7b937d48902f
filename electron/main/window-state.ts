/**
 * The main window opens where it was left — size, place, maximised or full screen — as Photoshop's
 * does, instead of 1440×900 at the system's default place on every start (a retoucher on a 4K screen
 * maximised it each time). Kept in `window-state.json` beside the settings. A place that is no longer
 * on any screen (a monitor unplugged since) is not used: the window then opens centred on the primary
 * screen, at the saved size when it fits there. The rules are pure (tested); the Electron wiring is
 * `trackWindowState`.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as v from 'valibot';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

const Int = v.pipe(v.number(), v.integer(), v.minValue(-100_000), v.maxValue(100_000));
const StateSchema = v.object({
  bounds: v.object({ x: Int, y: Int, width: v.pipe(Int, v.minValue(1)), height: v.pipe(Int, v.minValue(1)) }),
  maximized: v.boolean(),
  fullScreen: v.boolean(),
});

/** The window's size the first time (and when nothing saved can be used). */
export const DEFAULT_SIZE = { width: 1440, height: 900 };
/** Smaller than this is not restored (a window dragged to a sliver). */
export const MIN_SIZE = { width: 800, height: 560 };
/** At least this much of the title bar must be on a screen for the saved place to be used. */
const VISIBLE_PX = 64;

/** The saved state, or null when there is none or it is not one (a damaged file is ignored). */
export function parseWindowState(text: string | null): WindowState | null {
  if (!text) return null;
  try {
    const r = v.safeParse(StateSchema, JSON.parse(text));
    return r.success ? r.output : null;
  } catch {
    return null;
  }
}

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Where the window opens: the saved bounds when their title bar is on one of `screens` (their work
 * areas; the first is the primary), else centred on the primary screen at the saved (or default)
 * size shrunk to fit it. Maximised and full screen come back as they were.
 */
export function openingState(saved: WindowState | null, screens: readonly Rect[]): WindowState {
  const primary = screens[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const size = saved
    ? { width: Math.max(MIN_SIZE.width, saved.bounds.width), height: Math.max(MIN_SIZE.height, saved.bounds.height) }
    : DEFAULT_SIZE;
  if (saved) {
    const titleBar = { x: saved.bounds.x, y: saved.bounds.y, width: size.width, height: 32 };
    const onScreen = screens.some((s) => overlap(titleBar, s) >= VISIBLE_PX * 32 && saved.bounds.y >= s.y);
    if (onScreen) return { bounds: { ...saved.bounds, ...size }, maximized: saved.maximized, fullScreen: saved.fullScreen };
  }
  const width = Math.min(size.width, primary.width);
  const height = Math.min(size.height, primary.height);
  return {
    bounds: {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    },
    maximized: saved?.maximized ?? false,
    fullScreen: saved?.fullScreen ?? false,
  };
}

/** What the Electron window tells about itself (a part of BrowserWindow). */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  on(
    event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'enter-full-screen' | 'leave-full-screen' | 'close',
    listener: () => void,
  ): unknown;
}

/**
 * Saves the window's state (its normal bounds, so a maximised window comes back maximised over
 * the place it had before) half a second after it last changed, and at once when it closes.
 */
export function trackWindowState(win: TrackedWindow, save: (state: WindowState) => void, delayMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const now = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    save({ bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() });
  };
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(now, delayMs);
  };
  for (const e of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) win.on(e, soon);
  win.on('close', now);
}

/** The saved state in `file`, or null (none yet, unreadable, damaged). */
export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Writes `state` to `file` at once (temp + rename: the app may be quitting); a failure only loses the place. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch {
    // the next start opens at the default place
  }
}
