/**
 * The staging strip follows the undo history. Candidates are paid for, and they belong to the
 * document state they were staged on: undo and redo move them with it instead of leaving them over a
 * state they were not made for, and nothing a step closed is lost.
 *
 * - Keep (Enter) closes the strip: undoing that Keep brings it back as it was (the kept candidate
 *   selected), redoing it closes it again.
 * - Undoing the step the strip was opened on (the stroke under the candidates, the extension they
 *   fill) puts the strip away with it: it no longer offers a candidate over a document it was not
 *   made for (where Keep would drop the redo steps). Redo brings it back; so does undoing back to it
 *   from later steps.
 * - Discard and Discard all (Esc) are not document steps, but Ctrl/⌘ Z brings back what they
 *   discarded, the last discard first, then the one before, … as long as the document has not
 *   changed since (`undoStep`).
 * - A job's results are staged over the document state they were made for (`offerResults`), or
 *   over the photo as it is now when they were made for an earlier step of it at the same canvas
 *   size (a stroke painted while the model worked; with a message when the layers changed too).
 *   Otherwise — the document undone to before their step, or its canvas resized since — they wait
 *   on that step (undo or redo to it shows them).
 *   When that step leaves the history of the same photo (a change after an undo dropped it, or it
 *   fell off the 100-step history), they are paid for and nothing else will bring them back: they
 *   are staged over the document as it is now, when its canvas is the size they were made for, and
 *   a message says they were made before the latest changes (`rehome`). When another file or project
 *   is open (the same project opened again is a new history), they are not staged anywhere, and the
 *   message says what they cost.
 *
 * At most {@link MAX_STASHES} strips are held (their patch bytes too, so they can be drawn again);
 * older ones, and those of states no longer in the history, are let go.
 */
import { undoUnderJobNote } from './job-undo-note';
import type { DocState } from '../model/document-types';
import type { AddOptions, StagedCandidate } from '../model/staging-logic';
import { formatUsd } from '../model/estimate';
import { releasePatch } from './candidate-assets';
import { useEditor, type EditorStore } from './store/store';
import { stepOf, waitingNote, waitingSentence } from './waiting-note';

/** A strip put away at document state `at`. */
interface Stash {
  at: DocState;
  items: StagedCandidate[];
  selected: number;
  /** The step that closed it (Keep): the state it led to. */
  closedBy?: { after: DocState };
}

export const MAX_STASHES = 4;

let stashes: Stash[] = [];
/** Results that arrived while the document was at another step: they wait on the state they were made for. */
let waiting: { at: DocState; items: StagedCandidate[] }[] = [];
/** The document state the strip was opened on (null while it is empty). */
let openedAt: DocState | null = null;

const st = () => useEditor.getState();

function stashAt(doc: DocState): Stash | undefined {
  return stashes.find((x) => x.at === doc);
}

function put(s: Stash): void {
  stashes = [...stashes.filter((x) => x.at !== s.at), s];
  while (stashes.length > MAX_STASHES) release(stashes.shift()!.items);
}

/** Lets go of the patch bytes of `items`, except candidates still held (staged, discarded or put away). */
function release(items: readonly StagedCandidate[]): void {
  const s = st();
  const held = new Set<string>();
  for (const c of s.staging.items) held.add(c.assetId);
  for (let d = s.discarded; d; d = d.prev ?? null) for (const c of d.items) held.add(c.assetId);
  for (const x of stashes) for (const c of x.items) held.add(c.assetId);
  for (const w of waiting) for (const c of w.items) held.add(c.assetId);
  for (const c of items) if (!held.has(c.assetId)) releasePatch(c.assetId);
}

/**
 * The strip was closed by a step (Keep) from `before` to `after`: undoing that step brings `items`
 * back (`selected` selected); redoing it closes the strip again.
 */
export function rememberClosed(before: DocState, after: DocState, items: StagedCandidate[], selected: number): void {
  put({ at: before, items, selected, closedBy: { after } });
}

const sameKeys = (a: readonly StagedCandidate[], b: readonly StagedCandidate[]) =>
  a.length === b.length && a.every((c, i) => c.key === b[i].key);

function show(items: StagedCandidate[], selected: number): void {
  const s = st();
  s.clearStaging();
  if (!items.length) return;
  s.stageCandidates(items);
  st().selectStaged(Math.min(selected, items.length - 1));
}

/**
 * Whether results made for state `at` can be staged over `doc` now that `at` has left the history:
 * the same photo in the same history (its original shared, not opened again) at the same canvas size.
 */
function canRehome(at: DocState, doc: DocState | null): doc is DocState {
  return (
    !!doc &&
    doc.id === at.id &&
    doc.original === at.original &&
    doc.canvas.width === at.canvas.width &&
    doc.canvas.height === at.canvas.height
  );
}

/**
 * Stages `items`, made for a state of this photo the history no longer holds, over the document as
 * it is now: they are paid for, and no undo or redo reaches their state any more.
 */
function rehome(s: EditorStore, items: StagedCandidate[], opts: AddOptions & { stepKept?: boolean } = {}): void {
  const doc = s.doc!;
  s.stageCandidates(
    items.map((c) => ({ ...c, at: doc })),
    { rankByText: opts.rankByText, keepSelected: opts.keepSelected },
  );
  const one = items.length === 1;
  const why = opts.stepKept
    ? 'your layers changed after the request left'
    : `the step ${one ? 'it was' : 'they were'} made on is not in the history any more`;
  s.notifyAboutStaged(
    'info',
    `${count(items)} made before your latest changes ${one ? 'is' : 'are'} shown over the photo as it is now (${why}): look before you keep ${one ? 'it' : 'them'}.`,
  );
}

/** The same layers (each the same object): the steps between changed only the mask or the selection. */
const sameLayers = (a: DocState, b: DocState) =>
  a.layers === b.layers || (a.layers.length === b.layers.length && a.layers.every((l, i) => l === b.layers[i]));

/** Drops the stashes of document states no longer in the history (a new step dropped the redo steps). */
function prune(s: EditorStore): void {
  const live = liveStates(s);
  const gone = waiting.filter((w) => !live.has(w.at));
  if (gone.length) {
    waiting = waiting.filter((w) => live.has(w.at));
    const home = gone.filter((w) => canRehome(w.at, s.doc));
    if (home.length)
      rehome(
        s,
        home.flatMap((w) => w.items),
      );
    const items = gone.filter((w) => !home.includes(w)).flatMap((w) => w.items);
    if (items.length) {
      s.notify(
        'info',
        `${count(items)} waiting on a step that is not in the history any more ${items.length === 1 ? 'was' : 'were'} let go (${costNote(items)}).`,
      );
      release(items);
    }
  }
  pruneStashes(live);
}

function pruneStashes(live: Set<DocState>): void {
  const dropped = stashes.filter((x) => !live.has(x.at));
  if (!dropped.length) return;
  stashes = stashes.filter((x) => live.has(x.at));
  release(dropped.flatMap((x) => x.items));
}

/** The document states the history holds now (undo and redo reach them). */
function liveStates(s: Pick<EditorStore, 'doc' | 'past' | 'future'>): Set<DocState> {
  const live = new Set<DocState>([...s.past.map((p) => p.doc), ...s.future.map((f) => f.doc)]);
  if (s.doc) live.add(s.doc);
  return live;
}

const count = (items: readonly StagedCandidate[]) => (items.length === 1 ? 'A candidate' : `${items.length} candidates`);

/** What `items` cost, in words ("GPT Image 2, ≈ $0.040, counted in Spent today"). */
function costNote(items: readonly StagedCandidate[]): string {
  const models = [...new Set(items.map((c) => c.modelName))].join(', ');
  const usd = items.reduce((t, c) => t + (c.costUsd || 0), 0);
  return usd > 0 ? `${models}, ≈ ${formatUsd(usd)}, counted in Spent today` : models;
}

/**
 * A job's results, made for document state `at`: staged when the document is in that state; waiting
 * on that step when it is at another one (undo or redo to it stages them; the message says so); not
 * staged at all when `at` is no longer in the history (another file or project is open — the same
 * project opened again is a new history too), where a Keep would drop redo steps or land on a
 * document they were not made for. Returns how many were staged now.
 */
export function offerResults(items: StagedCandidate[], at: DocState, opts: AddOptions = {}): number {
  const s = st();
  if (!items.length) return 0;
  if (s.doc === at) {
    s.stageCandidates(items, opts);
    return items.length;
  }
  const step = stepOf(s, at);
  // Made for an earlier step of this photo (a stroke painted, a layer hidden while the model
  // worked): shown over the photo as it is now. Waiting one step back hid paid results behind the
  // retoucher's own stroke, and undoing it to see them then met the redo guard at Keep. Mask-only
  // steps leave the candidate exactly right; other changes get the look-before-you-keep message.
  if (step && !step.ahead && canRehome(at, s.doc)) {
    if (sameLayers(at, s.doc))
      s.stageCandidates(
        items.map((c) => ({ ...c, at: s.doc! })),
        opts,
      );
    else rehome(s, items, { ...opts, stepKept: true });
    return items.length;
  }
  if (!step && canRehome(at, s.doc)) {
    rehome(s, items, opts);
    return items.length;
  }
  if (!step) {
    s.notify(
      'info',
      `${count(items)} arrived for a document that is not open any more (it was closed or opened again since), so ${items.length === 1 ? 'it was' : 'they were'} not staged here (${costNote(items)}).`,
    );
    release(items);
    return 0;
  }
  const w = waiting.find((x) => x.at === at);
  if (w) w.items = [...w.items, ...items.filter((c) => !w.items.some((k) => k.key === c.key))];
  else waiting.push({ at, items });
  const n = (w?.items ?? items).length;
  s.notify('info', waitingSentence(n, step, at.id !== s.doc?.id));
  publishWaiting();
  return 0;
}

/** The status bar's note says where the waiting results are, for as long as they wait. */
function publishWaiting(): void {
  const s = st();
  const note = waitingNote(s, waiting);
  if (note?.short !== s.waitingNote?.short || note?.full !== s.waitingNote?.full) s.setWaitingNote(note);
}

/** Stages the results waiting on the state the document is in now. */
function takeWaiting(): void {
  const s = st();
  const w = waiting.find((x) => x.at === s.doc);
  if (!w) return;
  waiting = waiting.filter((x) => x !== w);
  s.stageCandidates(w.items);
}

/** For tests: how many candidates wait on other steps. */
export function waitingCount(): number {
  return waiting.reduce((t, w) => t + w.items.length, 0);
}

function onUndo(from: DocState, to: DocState): void {
  const s = st();
  const x = stashAt(to);
  // Undoing the step that closed the strip, while it is still closed: the strip comes back.
  if (x?.closedBy?.after === from && !s.staging.items.length) {
    show(x.items, x.selected);
    return;
  }
  // Undoing the step the strip was opened on: the strip goes with it.
  if (s.staging.items.length && openedAt === from) {
    put({ ...stashAt(from), at: from, items: s.staging.items, selected: s.staging.selected });
    s.clearStaging();
  }
  if (x && !st().staging.items.length && !x.closedBy) show(x.items, x.selected);
}

function onRedo(from: DocState, to: DocState): void {
  const s = st();
  const x = stashAt(from);
  // Redoing the step that closed the strip: it closes again (its selection remembered).
  if (x?.closedBy?.after === to && sameKeys(s.staging.items, x.items)) {
    put({ ...x, selected: s.staging.selected });
    s.clearStaging();
    return;
  }
  const y = stashAt(to);
  if (y && !s.staging.items.length) show(y.items, y.selected);
}

/** Watches the history; returns the unsubscribe. */
export function installStagingHistory(): () => void {
  return useEditor.subscribe((s, prev) => {
    if (s.staging.items.length === 0) openedAt = null;
    else if (prev.staging.items.length === 0 || !openedAt) openedAt = s.doc;
    if (s.doc === prev.doc || !s.doc || !prev.doc) return;
    // Anything the document does drops what Discard kept for Ctrl/⌘ Z.
    if (s.discarded) dropDiscarded();
    const undone = s.future[0]?.doc === prev.doc;
    const redone = !undone && s.past.at(-1)?.doc === prev.doc && prev.future[0]?.doc === s.doc;
    if (undone) onUndo(prev.doc, s.doc);
    else if (redone) onRedo(prev.doc, s.doc);
    else {
      // Another history (a file or project opened, not undoably): candidates made for a state it
      // does not hold leave the strip — a Keep there would land on a document they were not made for.
      const live = liveStates(st());
      const strangers = live.has(prev.doc) ? [] : st().staging.items.filter((c) => c.at && !live.has(c.at));
      if (strangers.length) {
        for (const c of strangers) st().unstage(c.key);
        st().notify(
          'info',
          `${count(strangers)} made for the document you closed ${strangers.length === 1 ? 'was' : 'were'} put away, not kept (${costNote(strangers)}).`,
        );
        release(strangers);
      }
      prune(st());
    }
    takeWaiting();
    publishWaiting();
  });
}

/**
 * Keeps the strip as it is now for Ctrl/⌘ Z, before a Discard or Discard all (Esc) changes it.
 * Earlier discards stay under it: Ctrl/⌘ Z brings them back one after another.
 */
export function rememberDiscarded(): void {
  const s = st();
  if (!s.doc || !s.staging.items.length) return;
  const before = s.discarded?.doc === s.doc ? s.discarded : null;
  s.setDiscarded({ doc: s.doc, items: s.staging.items, selected: s.staging.selected, prev: before });
}

/**
 * The document changed after a discard: the discard is final. The candidates it took leave the
 * strips put away too (a strip shown again by an undo or redo stays stashed on its step), so undoing
 * back to that step, or undoing a Keep, no longer stages a candidate the retoucher discarded.
 */
function dropDiscarded(): void {
  const items: StagedCandidate[] = [];
  for (let d = st().discarded; d; d = d.prev ?? null) items.push(...d.items);
  st().setDiscarded(null);
  forgetInStashes(items, new Set(st().staging.items.map((c) => c.key)));
  release(items);
}

/** Takes `items` out of the strips put away, except those still staged (`staged`, their keys). */
function forgetInStashes(items: readonly StagedCandidate[], staged: Set<string>): void {
  const gone = new Set(items.map((c) => c.key).filter((k) => !staged.has(k)));
  if (!gone.size) return;
  stashes = stashes.flatMap((x) => {
    if (!x.items.some((c) => gone.has(c.key))) return [x];
    const kept = x.items.filter((c) => !gone.has(c.key));
    if (!kept.length) return [];
    const sel = kept.indexOf(x.items[x.selected]);
    return [{ ...x, items: kept, selected: Math.max(0, sel) }];
  });
}

/** What Ctrl/⌘ Z does: bring back the candidates just discarded, else undo a document step. */
export function undoStep(): void {
  const s = st();
  const d = s.discarded;
  if (d && d.doc === s.doc) {
    const extra = s.staging.items.filter((c) => !d.items.some((k) => k.key === c.key));
    s.setDiscarded(d.prev ?? null);
    show([...d.items, ...extra], d.selected);
    return;
  }
  const note = s.past.length ? undoUnderJobNote(s) : null;
  s.undo();
  if (note) s.notify('info', note);
}

/** Whether `undoStep` has something to do. */
export function canUndoStep(s: Pick<EditorStore, 'discarded' | 'doc' | 'past'>): boolean {
  return (!!s.discarded && s.discarded.doc === s.doc) || s.past.length > 0;
}

/** For tests: how many strips are held. */
export function stashCount(): number {
  return stashes.length;
}
