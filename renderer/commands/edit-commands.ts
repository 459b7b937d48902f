/**
 * Commands on staged candidates, versions and layers. Keeping is ONE undo step (layer + version
 * together); discarding and flipping never touch the document (Ctrl/⌘ Z still brings back what a
 * discard took: staging-history.ts); restoring a version is one step (layer
 * actions: renderer/commands/layer-commands.ts). The document updates are the pure functions in model/version-logic.
 */
import type { DocState } from '../model/document-types';
import { ensureBitmap, markKept } from './candidate-assets';
import { selectedCandidate, type StagedCandidate } from '../model/staging-logic';
import { candidateKept, isKept, keepCandidate, keepStepLabel, keptLayerOf, restoreVersion } from '../model/version-logic';
import { useEditor } from './store/store';
import { untilStaged } from './early-show';
import { rememberClosed, rememberDiscarded } from './staging-history';
import { clearedMaskFor } from './mask-commands';
import { getMask } from './blob-store';
import { isMaskEmpty } from '../../shared/mask';
import { verdictWords } from '../../shared/text-check/text-match';
import { forgetKeptAsLayer, rememberKeptAsLayer } from './kept-mask';

let idCounter = 1;
function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${(idCounter++).toString(36)}`;
}

const st = () => useEditor.getState();

/** The Keep that was told it would drop redo steps (pressed again on the same state, it goes ahead). */
let asked: { doc: DocState; key: string } | null = null;

function find(key?: string): StagedCandidate | null {
  const staging = st().staging;
  return key ? (staging.items.find((c) => c.key === key) ?? null) : selectedCandidate(staging);
}

/**
 * Keeps a candidate (the selected one by default) as a patch layer plus a version, as one undo step
 * 'Keep <model> result'. `close` (Keep, Enter) ends staging and clears the mask in the same step (the
 * area is done: the next stroke starts a new mask instead of growing the next request over the kept
 * result; Ctrl+Z brings both back, Reselect the mask alone) — also when the candidate is a layer
 * already. Otherwise (Keep as layer) staging stays open with the mask, so more candidates of it can be
 * kept or refined. Resolves false when it did not keep (a guard said why), so the compare view
 * stays open over the refusal; `from` the compare view, the refusal says how to redo from there.
 */
export function keepStaged(close: boolean, key?: string, from: 'strip' | 'compare' = 'strip'): Promise<boolean> {
  // One Keep at a time, in the order pressed: a Keep waits for its candidate's bitmap (a decode when a
  // zoomed-out view had let it go), and a second Enter in that wait added the same layer twice.
  const before = keeping,
    n = ++keepsPressed;
  const mine = (async () => {
    try {
      // Idle, it starts at once: what it keeps is decided when pressed (the early candidate's edit, below).
      if (before) await before.catch(() => false);
      return await keepNow(close, key, from);
    } finally {
      // Before the caller's await resumes: a discard right after an awaited Keep acts at once.
      if (keepsPressed === n) keeping = null;
    }
  })();
  keeping = mine;
  return mine;
}

/** The Keep still under way (waiting for its bitmap), if any: Esc and Delete act after it. */
let keeping: Promise<boolean> | null = null;
let keepsPressed = 0;

/** Whether a Keep is still under way (waiting for its candidate's bitmap). */
export const keepUnderWay = (): boolean => keeping !== null;

/** Runs `act` now, or after the Keep under way (an Esc right after Enter discarded the strip the Keep was closing). */
export function afterKeep(act: () => void): void {
  if (keeping) void keeping.then(act, act);
  else act();
}

async function keepNow(close: boolean, key: string | undefined, from: 'strip' | 'compare'): Promise<boolean> {
  // The running edit's first candidate is on screen but not staged yet: Keep acts once it is (and
  // not at all when that edit failed: the candidate selected before it is not what was on screen).
  const waitFor = st().job?.early ? st().job?.jobId : null;
  if (waitFor) {
    await untilStaged(useEditor);
    if (!st().staging.items.some((x) => x.jobId === waitFor)) return false;
  }
  const c = find(key);
  const doc = st().doc;
  if (!c || !doc || doc.id !== c.docId) return false;
  if (c.canvas && (c.canvas.width !== doc.canvas.width || c.canvas.height !== doc.canvas.height)) {
    st().notify(
      'info',
      `This candidate was made for a ${c.canvas.width}×${c.canvas.height} canvas; the canvas is ${doc.canvas.width}×${doc.canvas.height} now. Redo the extension or generate again.`,
    );
    return false;
  }
  // A step drops the redo steps of this photo: Keep never does that silently. The first Keep says
  // which steps would go; pressing it again (same candidate, same state) keeps anyway.
  const redo = droppedRedo(doc);
  if (redo.length && (!isKept(doc, c.assetId) || (close && hasMaskToClear(doc.maskId)))) {
    if (asked?.doc !== doc || asked.key !== c.key) {
      asked = { doc, key: c.key };
      const names = redo.map((f) => `“${f.label}”`);
      const what =
        redo.length === 1
          ? `the redo step ${names[0]}`
          : `${redo.length} redo steps (${names.slice(0, 3).join(', ')}${redo.length > 3 ? ', …' : ''})`;
      st().notify(
        'info',
        // The compare view keeps the keys to itself: redo is reached after closing it.
        `Keeping now would drop ${what}. ${from === 'compare' ? 'Close the view and redo' : 'Redo'} (Ctrl/⌘ Shift Z) first to keep the result on top of ${redo.length === 1 ? 'it' : 'them'}, or press ${from === 'compare' ? 'Keep this' : 'Keep'} again to drop ${redo.length === 1 ? 'it' : 'them'}.`,
      );
      return false;
    }
  }
  asked = null;
  const kept = isKept(doc, c.assetId);
  // The stage draws patches from the blob store: make sure the bitmap is there first.
  if (!kept) await ensureBitmap(c.assetId);
  const before = st().doc!;
  // Keep (close) clears the mask in the same step, whether or not the result is a layer already.
  const cleared = close ? clearedMaskFor(doc) : null;
  if (!kept) {
    markKept(c.assetId);
    const ids = { layerId: newId('layer'), versionId: newId('version'), now: Date.now() };
    st().commit(keepStepLabel(c), (d) => {
      const next = keepCandidate(d, c, ids);
      return cleared ? { ...next, maskId: cleared } : next;
    });
    // Kept on purpose or by a reflexive Enter: either way the retoucher hears that its text was read
    // wrong (the badge goes with the strip), before a client does.
    if (c.textCheck?.status === 'wrong')
      st().notify(
        'info',
        // "Kept with its text wrong: SPORTS 2 not found (…)", not "…wrong: Wrong: SPORTS 2 not found" (found by hand).
        `Kept with its text wrong: ${verdictWords(c.textCheck).replace(/^Wrong: /, '')}. Ctrl/⌘ Z undoes the Keep.`,
      );
  } else {
    // The same pixels are a layer already (Keep as layer pressed twice, or the offline engine's
    // same seed making the same patch): nothing is added, and the retoucher is told why. Keep still
    // clears the mask, as one step (undo brings it back with the candidates, Reselect alone).
    if (cleared) st().commit(keepStepLabel(c, true), (d) => ({ ...d, maskId: cleared }));
    const layer = keptLayerOf(doc, c.assetId);
    const mask = cleared ? ' The mask was cleared (Reselect, Ctrl/⌘ Shift D, brings it back).' : '';
    // Another candidate with the very same pixels was kept (not this one: it is not marked Kept).
    const said = candidateKept(doc, c)
      ? `Already kept: this result is the layer “${layer?.name ?? ''}”.`
      : `Already kept: another candidate with the very same pixels is the layer “${layer?.name ?? ''}”.`;
    st().notify('info', `${said} Nothing was added.${mask}`);
  }
  if (close) {
    forgetKeptAsLayer();
    // The strip closes; undoing this Keep brings its candidates back (keep-undo.ts). The mask
    // overlay is left as the user set it (\ or its eye): the mask is empty now, so the kept result
    // shows either way, and the eye keeps telling the truth about the overlay.
    const { items, selected } = st().staging;
    const after = st().doc!;
    // A step: undoing it brings the strip back (staging-history.ts). No step (a layer already, no
    // mask to clear): Ctrl/⌘ Z brings it back as after a Discard all.
    if (after !== before) {
      st().clearStaging();
      rememberClosed(before, after, items, selected);
    } else {
      rememberDiscarded();
      st().clearStaging();
    }
  } else rememberKeptAsLayer(st().doc!);
  return true;
}

/**
 * The redo steps of this photo a new step would drop — except one that is only a Keep of a candidate
 * still staged (a Keep undone to keep another instead): nothing paid for goes with that one.
 */
function droppedRedo(doc: DocState): { label: string }[] {
  const s = st();
  const redo = s.future.filter((f) => f.doc.id === doc.id);
  if (redo.length !== 1) return redo;
  const staged = new Set(s.staging.items.map((c) => c.assetId));
  const had = new Set(doc.layers.map((l) => l.assetId));
  const added = redo[0].doc.layers.filter((l) => !had.has(l.assetId));
  const onlyKeep = redo[0].doc.canvas === doc.canvas && added.length > 0 && added.every((l) => staged.has(l.assetId));
  return onlyKeep ? [] : redo;
}

function hasMaskToClear(maskId: string): boolean {
  const m = getMask(maskId);
  return !!m && !isMaskEmpty(m);
}

/** Removes one candidate from staging (the document is untouched; Ctrl/⌘ Z brings it back). */
export function discardStaged(key?: string): void {
  if (keeping) {
    afterKeep(() => discardStaged(key));
    return;
  }
  const c = find(key);
  if (!c) return;
  rememberDiscarded();
  st().unstage(c.key);
}

/** Ends staging (the document is untouched; Ctrl/⌘ Z brings the candidates back until it changes). */
export function discardAllStaged(): void {
  if (keeping) {
    afterKeep(discardAllStaged);
    return;
  }
  if (!st().staging.items.length) return;
  rememberDiscarded();
  st().clearStaging();
}

/** One undo step 'Restore version': the layers as they were right after that version was kept. */
export function restoreVersionCmd(versionId: string): void {
  st().commit('Restore version', (d) => restoreVersion(d, versionId));
}
