/**
 * Where results waiting on another history step are, in words: the message said when they arrive,
 * and the status bar's note, which stays while they wait (the message went after 5 s like any other,
 * and a retoucher who looked away lost where the paid results were) and follows each undo and redo.
 */
import type { DocState } from '../model/document-types';
import type { EditorStore } from './store/store';

/** A step of the history: its label, whether it is ahead (redo) or behind (undo), how many away. */
export interface StepPlace {
  label: string;
  ahead: boolean;
  away: number;
}

/** The status bar's note: `short` on the bar, `full` its tooltip. */
export interface WaitingNote {
  short: string;
  full: string;
}

/** The history step at which the document is in state `at`, or null when the history no longer holds it. */
export function stepOf(s: Pick<EditorStore, 'past' | 'future'>, at: DocState): StepPlace | null {
  const f = s.future.findIndex((x) => x.doc === at);
  if (f >= 0) return { label: s.future[f].label, ahead: true, away: f + 1 };
  const p = s.past.findIndex((x) => x.doc === at);
  return p >= 0 ? { label: s.past[p].label, ahead: false, away: s.past.length - p } : null;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const keyOf = (step: StepPlace) => (step.ahead ? 'redo (Ctrl/⌘ Shift Z)' : 'undo (Ctrl/⌘ Z)');

/**
 * "the step “Brush stroke”, one step back: undo (Ctrl/⌘ Z) once". Steps often share a label (two
 * brush strokes): the label alone read like the step on screen.
 */
export function stepDirections(step: StepPlace): string {
  const n = step.away;
  return `the step “${step.label}”, ${n === 1 ? 'one step' : `${n} steps`} ${step.ahead ? 'ahead' : 'back'}: ${keyOf(step)} ${times(n)}`;
}

/** The sentence for `n` results waiting on `step`, of the open photo or (`otherPhoto`) of one left since. */
export function waitingSentence(n: number, step: StepPlace, otherPhoto: boolean): string {
  const them = n === 1 ? 'it' : 'them';
  return otherPhoto
    ? `${n === 1 ? 'The result' : `${n} results`} for the photo you left ${n === 1 ? 'is' : 'are'} kept: undo (Ctrl/⌘ Z) back to it, to the step “${step.label}”, to see ${them}.`
    : `${n === 1 ? 'A candidate is' : `${n} candidates are`} waiting on ${stepDirections(step)} to see ${them}.`;
}

/** The note for the results waiting now (null when none): the way to the nearest step on the bar, every step in the tooltip. */
export function waitingNote(
  s: Pick<EditorStore, 'doc' | 'past' | 'future'>,
  waiting: readonly { at: DocState; items: readonly unknown[] }[],
): WaitingNote | null {
  const places = waiting
    .map((w) => ({ n: w.items.length, step: stepOf(s, w.at), other: w.at.id !== s.doc?.id }))
    .filter((p): p is { n: number; step: StepPlace; other: boolean } => !!p.step && p.n > 0)
    .sort((a, b) => a.step.away - b.step.away);
  if (!places.length) return null;
  const n = places.reduce((t, p) => t + p.n, 0);
  const near = places[0].step;
  return {
    // Short enough for the bar at 1280 px beside the rest; the keys are in the tooltip.
    short: `${n === 1 ? '1 candidate' : `${n} candidates`} waiting: ${near.ahead ? 'redo' : 'undo'} ${times(near.away)}`,
    full: places.map((p) => waitingSentence(p.n, p.step, p.other)).join('\n'),
  };
}
