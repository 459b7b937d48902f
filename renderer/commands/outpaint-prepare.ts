/**
 * Asks main to prepare the outpaint the document is set up for (`outpaint:prepare`, issue 16): once
 * the canvas is extended and Generate would fill it with a cloud model, main renders the working
 * canvas and encodes the first tile's request while the retoucher writes the prompt, so Ctrl+Enter
 * goes straight to the request. The extend tool's proposal (a preset, typed sides) is prepared
 * before Apply, as it would be applied: Apply then changes nothing the request is made of. Asked
 * again (after a short pause) whenever what the request is made of changes — the extension, the
 * layers, the model or its settings; the prompt plays no part.
 * Nothing here changes the document; a failed ask is ignored (Generate then does the work itself).
 */
import type { EditorStore } from './store/store';
import { currentOption } from './current-estimate';
import { outpaintBlocker, outpaintMode, outpaintRequestOf } from './outpaint-client';
import type { OutpaintRequest } from '../model/outpaint-request';
import { extendBlocker, extendProposal } from './canvas-commands';
import { extendDocument } from '../model/extend-document';
import { ZERO_SIDES } from '../model/extend-logic';

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

/**
 * The state an Apply of the extend tool's pending proposal would make, as far as the request is made
 * of it (canvas, the original's place, the layers moved with it), or null without a proposal. The
 * extension's mask does not enter the request: the state keeps the current one.
 */
export function proposedState(s: EditorStore): EditorStore | null {
  const p = extendProposal(s);
  if (!p || !s.doc || extendBlocker(s)) return null;
  // Applied, the proposal is gone from the bar (a pending one blocks Generate).
  return { ...s, doc: extendDocument(s.doc, p.canvas, p.originalAt, s.doc.maskId), extend: { ...s.extend, sides: ZERO_SIDES } };
}

/** What to prepare now: the proposal as it would be applied, else the document when set up for an outpaint. */
function toPrepare(s: EditorStore): EditorStore | null {
  const proposed = proposedState(s);
  if (proposed) {
    const opt = currentOption(proposed);
    return opt.spec.provider !== 'local' && outpaintBlocker(proposed) === null ? proposed : null;
  }
  return wantsPreparation(s) ? s : null;
}

/** What main was last asked to prepare (model and canvas), once it answered; for the test hooks. */
let lastAsked: { model: string; canvas: { width: number; height: number } } | null = null;
export function lastPreparation() {
  return lastAsked;
}

/** The pause after the last change before main is asked to prepare (ms). */
export const PREPARE_DELAY_MS = 60;
/** The same for a change of the extend tool's proposal, before Apply (ms). */
export const PROPOSAL_DELAY_MS = 200;

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
  // The extend tool's proposal too: a preset or typed sides are prepared before Apply.
  const inputs = (s: EditorStore) => [
    s.doc,
    s.gen.model,
    s.gen.quality,
    s.gen.imageSize,
    s.gen.n,
    s.extend.bandPx,
    s.job === null,
    s.tool === 'extend' ? s.extend.sides : null,
  ];
  const ask = async () => {
    timer = null;
    const s = toPrepare(deps.store.getState());
    if (!s) return;
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
    // A proposal changes with every move of a dragged side: it is asked for after a longer pause.
    timer = setTimeout(() => void ask(), extendProposal(s) ? PROPOSAL_DELAY_MS : delay);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
