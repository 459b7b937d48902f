/**
 * Shift and Alt as the user holds them now (as they were at the press while a button is down), for
 * what the selection tools show before the press: the options bar's mode in effect (Shift: Add, Alt:
 * Subtract, both: Intersect) and the cursor's badge (+, −, ×), as Photoshop shows them. Read from every key and pointer event on the window; a key typed
 * in a text field is the field's (fieldOwnsKey), and the window losing focus lets go of both.
 */
import { useSyncExternalStore } from 'react';
import { fieldOwnsKey } from '../keyboard/field-focus';
import type { SelectionMode } from '../../commands/store/tools-slice';
import { effectiveMode } from './selection-mode';

export interface HeldModifiers {
  shift: boolean;
  alt: boolean;
}

const NONE: HeldModifiers = { shift: false, alt: false };
let held: HeldModifiers = NONE;
/**
 * A button is down: a drag's mode was set at its press, and Shift / Alt pressed during it shape the
 * marquee (a square or circle, from the centre), as in Photoshop. The bar and the cursor kept
 * following the keys and showed Add (+) over a plain drag that then replaced the mask.
 */
let down = false;
const watchers = new Set<() => void>();
let listening = false;

function set(next: HeldModifiers): void {
  if (next.shift === held.shift && next.alt === held.alt) return;
  held = next.shift || next.alt ? next : NONE;
  for (const w of watchers) w();
}

/** The keys now: shown at once, or at the release while a button is down. */
function update(next: HeldModifiers): void {
  if (!down) set(next);
}

function fromKey(e: KeyboardEvent): void {
  update(fieldOwnsKey(e as unknown as Parameters<typeof fieldOwnsKey>[0]) ? NONE : { shift: e.shiftKey, alt: e.altKey });
}

function fromPointer(e: PointerEvent): void {
  update({ shift: e.shiftKey, alt: e.altKey });
}

function press(e: PointerEvent): void {
  down = false;
  fromPointer(e);
  down = true;
}

function release(e: PointerEvent): void {
  down = false;
  fromPointer(e);
}

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('keydown', fromKey, true);
  window.addEventListener('keyup', fromKey, true);
  window.addEventListener('pointermove', fromPointer, true);
  window.addEventListener('pointerdown', press, true);
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
  window.addEventListener('blur', () => {
    down = false;
    update(NONE);
  });
}

function subscribe(onChange: () => void): () => void {
  listen();
  watchers.add(onChange);
  return () => watchers.delete(onChange);
}

/** Shift and Alt held now (re-renders when they change). */
export function useHeldModifiers(): HeldModifiers {
  return useSyncExternalStore(subscribe, () => held);
}

/** The mode a press would use now: the options bar's, or what Shift / Alt held ask for. */
export function modeInEffect(base: SelectionMode, mods: HeldModifiers): SelectionMode {
  return effectiveMode(base, mods.shift, mods.alt);
}

/** The sign Photoshop puts by the crosshair: + add, − subtract, × intersect; none for a new selection. */
export function modeBadge(mode: SelectionMode): string {
  return mode === 'add' ? '+' : mode === 'subtract' ? '−' : mode === 'intersect' ? '×' : '';
}

const cursors = new Map<string, string>();

/** The selection tools' cursor: a crosshair, with the mode's sign beside it when it is not New. */
export function selectionCursor(mode: SelectionMode): string {
  const badge = modeBadge(mode);
  if (!badge) return 'crosshair';
  let c = cursors.get(badge);
  if (!c) {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32">` +
      `<path d="M11 1v21M1 11h21" stroke="#fff" stroke-width="3"/><path d="M11 1v21M1 11h21" stroke="#000" stroke-width="1"/>` +
      `<text x="17" y="30" font-family="sans-serif" font-size="15" font-weight="bold" fill="#000" stroke="#fff" stroke-width="3" paint-order="stroke">${badge}</text></svg>`;
    c = `url("data:image/svg+xml,${encodeURIComponent(svg)}") 11 11, crosshair`;
    cursors.set(badge, c);
  }
  return c;
}
