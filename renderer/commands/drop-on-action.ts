/**
 * A message that is true only until the user does something: it goes with their next action, as a
 * hint goes once it no longer holds (dropMessages). A spend-cap refusal stayed on top (an error
 * closes only by its ×) through later strokes, model changes and a raised cap, while the Generate
 * panel's warning already says the same for the Generate as it is now.
 */
import type { EditorStore } from './store/store';

/**
 * What the user changes by acting: the document (a stroke, an undo), the tool, Generate's settings,
 * the spend cap, the strip, a dialog. Not the job (the refused one ends after its message is shown)
 * nor the preferences object (read again after a refusal, the same).
 */
const acts = (s: EditorStore) => [s.doc, s.tool, s.gen, JSON.stringify(s.prefs?.spendCap ?? null), s.staging, s.settingsOpen, s.maskTarget];

/** Drops `message` from the messages once the user acts (or it is closed before that). */
export function dropOnNextAction(
  store: { getState(): EditorStore; subscribe?(l: (s: EditorStore) => void): () => void },
  message: string,
): void {
  if (!store.subscribe) return; // a test's store that cannot be watched
  const before = acts(store.getState());
  const off: () => void = store.subscribe((s) => {
    if (!s.toasts.some((t) => t.message === message)) return off();
    if (acts(s).every((v, i) => v === before[i])) return;
    off();
    s.dropMessages([message]);
  });
}
