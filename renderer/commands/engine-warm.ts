/**
 * Asks main to have a warm offline-engine worker ready before Generate (`engine:warm`, issue 13). The
 * first fill of a fresh engine worker costs 2–5× the CPU of a later one (V8 compiles the engine's
 * loops while they run); main keeps a worker warm only for a minute after a fill, so a retoucher who
 * fills now and then would always get the cold time. While the offline engine is the chosen model,
 * this asks (after a short pause, fire and forget) when a mask gesture starts on the canvas, when the
 * mask changes, and when the engine gets chosen (or the document opened) with a mask present; main
 * runs a small warm-up fill in a worker that then waits idle, or does nothing when one is warm or a
 * fill runs. Nothing here changes the document; a failed ask is ignored. Only the app's UI asks (not
 * the CLI, not the bench's fills).
 */
import type { EditorStore } from './store/store';
import { currentOption, currentPlanBox } from './current-estimate';

export interface EngineWarmDeps {
  store: { getState(): EditorStore; subscribe(fn: (s: EditorStore) => void): () => void };
  send: (model: string) => Promise<{ state: string }>;
  /** Pause after the last change before asking (ms). */
  delayMs?: number;
}

/** A document is open, no job runs, and the offline engine is the model Generate would use. */
export function wantsWarmEngine(s: EditorStore): boolean {
  return !!s.doc && s.job === null && currentOption(s).spec.provider === 'local';
}

/** Main's last answer (`started`, `warming`, `warm`, `busy`, …), for the test hooks. */
let lastAnswer: { state: string; model: string } | null = null;
export function lastEngineWarm() {
  return lastAnswer;
}

let onGesture: (() => void) | null = null;
/** A mask gesture starts on the canvas (pointer down with a mask tool): the retoucher is about to have a mask. */
export function noteMaskGesture(): void {
  onGesture?.();
}

export function installEngineWarm(deps: EngineWarmDeps): () => void {
  const delay = deps.delayMs ?? 150;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asking = false;
  const ask = async () => {
    timer = null;
    const s = deps.store.getState();
    if (asking || !wantsWarmEngine(s)) return;
    asking = true;
    const model = currentOption(s).value;
    try {
      const r = await deps.send(model);
      lastAnswer = { state: r.state, model };
    } catch {
      // Not warmed: Generate then starts its worker itself, as before.
    } finally {
      asking = false;
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void ask(), delay);
  };
  // What decides whether to ask: the mask, the document, the model (and what Auto would pick), a job.
  let seen: unknown[] = [];
  const inputs = (s: EditorStore) => [s.doc?.id, s.doc?.maskId, s.gen.model, s.keyStatus, s.providerSettings, s.job === null];
  const off = deps.store.subscribe((s) => {
    const now = inputs(s);
    if (now.length === seen.length && now.every((v, i) => v === seen[i])) return;
    seen = now;
    if (wantsWarmEngine(s) && currentPlanBox(s) !== null) schedule();
  });
  onGesture = () => {
    if (wantsWarmEngine(deps.store.getState())) schedule();
  };
  return () => {
    off();
    onGesture = null;
    if (timer) clearTimeout(timer);
  };
}
