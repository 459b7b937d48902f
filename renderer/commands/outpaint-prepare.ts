/**
 * Asks main to prepare the outpaint the document is set up for (`outpaint:prepare`, issue 16): once
 * the canvas is extended and Generate would fill it with a cloud model, main renders the working
 * canvas and encodes the first tile's request while the retoucher writes the prompt, so Ctrl+Enter
 * goes straight to the request. Asked again (after a short pause) whenever what the request is made
 * of changes — the extension, the layers, the model or its settings; the prompt plays no part.
 * Nothing here changes the document; a failed ask is ignored (Generate then does the work itself).
 */
import type { EditorStore } from './store/store';
import { currentOption } from './current-estimate';
import { outpaintBlocker, outpaintMode, outpaintRequestOf } from './outpaint-client';
import type { OutpaintRequest } from '../model/outpaint-request';

export interface PrepareDeps {
  store: { getState(): EditorStore; subscribe(fn: (s: EditorStore) => void): () => void };
  send: (req: OutpaintRequest) => Promise<unknown>;
  /** Pause after the last change before asking (ms). */
  delayMs?: number;
}

/** The inputs main's preparation depends on (the prompt, n and seed do not change the first tile's request). */
export function prepareKey(req: OutpaintRequest): string {
  const { prompt: _p, n: _n, seed: _s, ...rest } = req;
  return JSON.stringify(rest);
}

/** Whether the open document is set up for an outpaint a cloud model would run now. */
export function wantsPreparation(s: EditorStore): boolean {
  return outpaintMode(s) && outpaintBlocker(s) === null && currentOption(s).spec.provider !== 'local';
}

/** What main was last asked to prepare (model and canvas), once it answered; for the test hooks. */
let lastAsked: { model: string; canvas: { width: number; height: number } } | null = null;
export function lastPreparation() {
  return lastAsked;
}

/** The pause after the last change before main is asked to prepare (ms). */
export const PREPARE_DELAY_MS = 60;

export function installOutpaintPrepare(deps: PrepareDeps): () => void {
  // Long enough to take a burst of changes as one (a slider dragged, keys held), short enough that
  // the preparation is under way before a hand gets from Enter to Ctrl+Enter: the job takes a
  // preparation still running, but does the whole work itself when none was asked for (250 ms
  // here left a quick Enter, Ctrl+Enter with none).
  const delay = deps.delayMs ?? PREPARE_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastKey = '';
  // What the request is made of, cheaply: the document object, the model and its settings.
  let seen: unknown[] = [];
  const inputs = (s: EditorStore) => [s.doc, s.gen.model, s.gen.quality, s.gen.imageSize, s.gen.n, s.extend.bandPx, s.job === null];
  const ask = async () => {
    timer = null;
    const s = deps.store.getState();
    if (!wantsPreparation(s)) return;
    const req = await outpaintRequestOf(s);
    const key = prepareKey(req);
    if (key === lastKey) return;
    lastKey = key;
    await deps.send(req).then(
      () => {
        lastAsked = { model: req.model, canvas: { ...req.canvas } };
      },
      () => {
        lastKey = ''; // asked again on the next change
      },
    );
  };
  const off = deps.store.subscribe((s) => {
    const now = inputs(s);
    if (now.length === seen.length && now.every((v, i) => v === seen[i])) return;
    seen = now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void ask(), delay);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
