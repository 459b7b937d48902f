/**
 * Selection commands: magic wand, colour range, object select (with refining strokes), select subject
 * and refine edge. Each runs in the select worker and lands as ONE history step — unless the document
 * moved on while it ran (a stroke, undo, another photo), then the result is dropped and a message
 * says so. Cancelling or a failure never changes the document.
 */
import type { DocPoint } from '../../shared/geometry/point';
import type { Rect } from '../../shared/geometry/rect';
import { maskBounds, type Coverage, type TiledMask } from '../../shared/mask';
import type { Rgb, SelectStroke } from '../../shared/select';
import { getMask } from './blob-store';
import { commitReplace, commitSelection, selectionLabel } from './mask-commands';
import { useEditor } from './store/store';
import type { SelectionMode } from './store/tools-slice';
import type { SelectOp, SelectPreview } from '../workers/select-protocol';
import { runSelectJob, type SelectJob } from './select-client';
import { afterNextPaint, wallClock } from './edit-trace';
import { beginSelectTrace, endSelectTrace, traceSpan } from './select-trace';
import { selectionModeOver } from './kept-mask';
import { withinCut } from './object-cut';

const st = () => useEditor.getState();
let running: SelectJob<unknown> | null = null;

/**
 * Object select's open session: later Shift/Alt strokes redo the cut over the mask it started from.
 * Each result is remembered with the strokes that made it, so after an undo of a stroke the next one
 * goes on from the result shown (the session closed on an undo, and a Shift-click did nothing).
 */
interface ObjectSession {
  docId: string;
  rect?: Rect;
  mode: SelectionMode;
  base: TiledMask;
  /** Each result's mask, the strokes that made it and its cut (an Alt stroke's cut stays within it). */
  results: Array<{ maskId: string; strokes: SelectStroke[]; cut: Coverage }>;
}
let session: ObjectSession | null = null;

/** The session's result that is the mask now, with its strokes; null when the mask is another one. */
function openResult(): ObjectSession['results'][number] | null {
  const doc = st().doc;
  if (!session || !doc || session.docId !== doc.id) return null;
  return session.results.find((r) => r.maskId === doc.maskId) ?? null;
}

/** Runs `op`; calls `land` with the result if the mask is still the one the job started from. */
async function run(label: string, op: SelectOp, land: (cov: Coverage | null) => void): Promise<void> {
  const s = st();
  const doc = s.doc;
  // One selection job at a time: a click while one runs is ignored.
  if (!doc || running) return;
  const startMask = doc.maskId;
  const trace = beginSelectTrace(label);
  const job = runSelectJob(s.select.sample, op, trace);
  running = job;
  s.setSelecting(label);
  s.setBusy(`${label}…`);
  try {
    const res = await job.promise;
    const now = st().doc;
    if (now?.id !== doc.id || now.maskId !== startMask) {
      // Dropped: it was made for a mask that is not there any more. It went without a word, so a
      // stroke painted while an object select ran looked like the selection had failed.
      if (now) st().notify('info', droppedSelection(label, now.id !== doc.id));
      return;
    }
    const t = wallClock();
    land(res.coverage ?? null);
    traceSpan(trace, 'renderer: write the mask (one undo step)', t);
    const p = wallClock();
    void afterNextPaint().then(() => {
      traceSpan(trace, 'renderer: first paint', p);
      endSelectTrace(trace);
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (msg === 'cancelled') st().notify('info', `${label} cancelled; the mask is unchanged.`);
    else st().notify('error', `${label} failed: ${msg}`);
  } finally {
    if (running === job) {
      running = null;
      st().setSelecting(null);
      st().setBusy(null);
    }
  }
}

/** Why a selection result was not applied: the mask (or the photo) changed while it ran. */
export function droppedSelection(label: string, otherPhoto: boolean): string {
  return otherPhoto
    ? `${label} was not applied: another photo was opened while it ran.`
    : `${label} was not applied: the mask changed while it ran (a stroke, an undo). The mask is as you left it; run it again if you want it.`;
}

/** Esc or the Cancel button: stops the running selection job, the document stays as it was. */
export function cancelSelectJob(): boolean {
  if (!running || !st().selecting) return false;
  running.cancel();
  return true;
}

export function isSelecting(): boolean {
  return !!st().selecting;
}

export function magicWandAt(p: DocPoint, mode: SelectionMode): Promise<void> {
  const { tolerance, contiguous, antialias } = st().select;
  const label = selectionLabel('Magic wand', mode);
  return run(label, { op: 'wand', x: p.x, y: p.y, tolerance, contiguous, antialias }, (cov) => {
    if (cov?.data.length) commitSelection(label, mode, cov);
  });
}

function startObject(label: string, rect: Rect | undefined, mode: SelectionMode): Promise<void> {
  const doc = st().doc;
  if (!doc) return Promise.resolve();
  const base = getMask(doc.maskId);
  return run(label, { op: 'object', rect, strokes: [] }, (cov) => {
    if (!cov) return;
    // Nothing found (a plain photo, a rectangle on empty background) — or, for the subject, only
    // specks (colorful-cups gave 1 783 scattered pixels of 4 MP): the selection the user had stays.
    if (!cov.data.some((v) => v > 0) || (!rect && !standsOut(cov, doc.canvas.width * doc.canvas.height))) {
      const tool = rect ? 'Object select' : 'Select subject';
      const where = rect ? 'in the rectangle' : 'that stands out from the photo’s edges; drag a rectangle around it with Object select (O)';
      st().notify('info', `${tool} found nothing ${where}. The mask is unchanged.`);
      return;
    }
    const id = commitSelection(label, mode, cov, base);
    session = id ? { docId: doc.id, rect, mode, base, results: [{ maskId: id, strokes: [], cut: cov }] } : null;
  });
}

/** Less than this share of the photo selected (at half coverage or more) is no subject. */
export const MIN_SUBJECT_SHARE = 0.001;

/** Whether a subject cut selects at least {@link MIN_SUBJECT_SHARE} of the photo. */
export function standsOut(cov: { data: Uint8Array }, photoPixels: number): boolean {
  let n = 0;
  for (let i = 0; i < cov.data.length; i++) if (cov.data[i] >= 128) n++;
  return n >= MIN_SUBJECT_SHARE * photoPixels;
}

/** A rectangle dragged with object select: its object becomes the selection (by the mode). */
export function objectSelectRect(rect: Rect, mode: SelectionMode): Promise<void> {
  return startObject(selectionLabel('Object select', mode), rect, mode);
}

/** One click, no rectangle: the photo's subject. */
export function selectSubject(mode: SelectionMode = selectionModeOver(st().selectionMode, false)): Promise<void> {
  return startObject(selectionLabel('Select subject', mode), undefined, mode);
}

/** True while the last object select can still be refined with strokes (its result is the current mask). */
export function objectSessionOpen(): boolean {
  return openResult() !== null;
}

/**
 * `p` is within the open session's rectangle grown by `reach` (anywhere for a subject, which has
 * none): the object tool's Shift / Alt click there is a hint for the cut (object / not object). Every
 * drag is a rectangle that adds or subtracts another object, as Shift / Alt drags do in Photoshop's
 * Object Selection and as the options bar says (Add / Subtract); begun inside, one painted a stroke.
 */
export function objectStrokeAt(p: DocPoint, reach: number): boolean {
  if (!session || !openResult()) return false;
  const r = session.rect;
  if (!r) return true;
  return p.x >= r.x - reach && p.x <= r.x + r.width + reach && p.y >= r.y - reach && p.y <= r.y + r.height + reach;
}

/** A Shift (object) or Alt (not object) click or stroke: redoes the cut with it, as one more step. */
export function refineObject(points: DocPoint[], size: number, object: boolean): Promise<void> {
  const from = openResult();
  if (!from || !session || points.length === 0) return Promise.resolve();
  const open = session;
  const strokes = [...from.strokes, { points: points.map((p) => ({ x: p.x, y: p.y })), size, object }];
  const label = object ? 'Object select: add to object' : 'Object select: not object';
  return run(label, { op: 'object', rect: open.rect, strokes }, (found) => {
    if (!found) return;
    const cov = object ? found : withinCut(found, from.cut);
    const id = commitSelection(label, open.mode, cov, open.base);
    if (id && session === open) open.results.push({ maskId: id, strokes, cut: cov });
  });
}

export function refineEdge(): Promise<void> {
  const doc = st().doc;
  if (!doc) return Promise.resolve();
  const mask = getMask(doc.maskId);
  if (!maskBounds(mask)) {
    st().notify('info', 'The mask is empty: nothing to refine.');
    return Promise.resolve();
  }
  const radius = st().select.refineRadius;
  return run(`Refine edge ${radius}px`, { op: 'refine', mask, radius, smoothness: 0.3 }, (cov) => {
    if (cov) commitReplace(`Refine edge ${radius}px`, cov);
  });
}

/** Zooms and centres the view on the mask's bounds (with a margin). */
export function zoomToMask(): void {
  const doc = st().doc;
  if (!doc) return;
  const b = maskBounds(getMask(doc.maskId));
  if (!b) {
    st().notify('info', 'The mask is empty: nothing to zoom to.');
    return;
  }
  const m = Math.max(8, Math.round(0.05 * Math.max(b.width, b.height)));
  st().fitRect({ x: b.x - m, y: b.y - m, width: b.width + 2 * m, height: b.height + 2 * m });
}

// ---- Colour range ----------------------------------------------------------------------------

let preview: { canvas: HTMLCanvasElement; width: number; height: number; selected: number; docId: string } | null = null;

/** The live preview of the colour range selection (a canvas of the whole canvas area, reduced); null on another photo. */
export function rangePreview(): typeof preview {
  return preview && preview.docId === st().doc?.id ? preview : null;
}

const PREVIEW_SIDE = 1024;

function drawPreview(p: SelectPreview, docId: string): void {
  // A new canvas each time: redrawn into the same one, the Konva image kept the same `image` prop, so
  // its layer was not drawn again and the preview showed the first pick after a second one.
  const canvas = document.createElement('canvas');
  canvas.width = p.width;
  canvas.height = p.height;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(p.width, p.height);
  const [r, g, b] = st().maskColor;
  let selected = 0;
  for (let i = 0; i < p.data.length; i++) {
    const v = p.data[i];
    if (v >= 128) selected++;
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = b;
    img.data[i * 4 + 3] = Math.round(v * 0.6);
  }
  ctx.putImageData(img, 0, 0);
  preview = { canvas, width: p.width, height: p.height, selected: selected / Math.max(1, p.data.length), docId };
  st().bumpRangePreview();
}

export function clearRangePreview(): void {
  if (!preview && !st().select.colors.length) return;
  preview = null;
  st().setSelect({ colors: [] });
  st().bumpRangePreview();
}

/** Recomputes the preview for the current colours and fuzziness (cancels a preview still running). */
export function updateRangePreview(): Promise<void> {
  const { colors, fuzziness } = st().select;
  if (!colors.length) {
    preview = null;
    st().bumpRangePreview();
    return Promise.resolve();
  }
  const doc = st().doc;
  if (!doc) return Promise.resolve();
  const job = runSelectJob(st().select.sample, { op: 'rangePreview', colors, fuzziness, maxSide: PREVIEW_SIDE });
  return job.promise.then(
    (res) => {
      if (res.preview && st().doc?.id === doc.id && st().select.colors === colors && st().select.fuzziness === fuzziness)
        drawPreview(res.preview, doc.id);
    },
    (e) => st().notify('error', `Colour range preview failed: ${e instanceof Error ? e.message : e}`),
  );
}

/** The eyedropper: set (click), add (Shift) or remove (Alt, the sampled colour nearest to it). */
export async function pickRangeColor(p: DocPoint, how: 'set' | 'add' | 'remove'): Promise<void> {
  const doc = st().doc;
  if (!doc || p.x < 0 || p.y < 0 || p.x >= doc.canvas.width || p.y >= doc.canvas.height) return;
  let color: Rgb | undefined;
  try {
    color = (await runSelectJob(st().select.sample, { op: 'pick', x: p.x, y: p.y }).promise).color;
  } catch (e) {
    st().notify('error', `Could not read the colour: ${e instanceof Error ? e.message : e}`);
    return;
  }
  if (!color) return;
  const colors = st().select.colors;
  let next: Rgb[];
  if (how === 'set') next = [color];
  else if (how === 'add') next = [...colors, color];
  else {
    if (!colors.length) return;
    let best = 0;
    let bd = Number.POSITIVE_INFINITY;
    colors.forEach((c, i) => {
      const d = (c[0] - color[0]) ** 2 + (c[1] - color[1]) ** 2 + (c[2] - color[2]) ** 2;
      if (d < bd) {
        bd = d;
        best = i;
      }
    });
    next = colors.filter((_, i) => i !== best);
  }
  st().setSelect({ colors: next });
  await updateRangePreview();
}

/** Applies the colour range at full resolution by the mode (one step); the preview goes away. */
export function applyColorRange(asked: SelectionMode): Promise<void> {
  const { colors, fuzziness } = st().select;
  if (!colors.length) {
    st().notify('info', 'Pick a colour on the photo first.');
    return Promise.resolve();
  }
  const mode = selectionModeOver(asked, false);
  const label = selectionLabel('Colour range', mode);
  return run(label, { op: 'range', colors, fuzziness }, (cov) => {
    if (!cov) return;
    commitSelection(label, mode, cov);
    clearRangePreview();
  });
}
