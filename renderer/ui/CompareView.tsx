/**
 * The compare view: the staged candidates 2-up or 4-up at full size over the whole window, every
 * pane showing the same part of the photo at the same zoom (wheel zooms all about the cursor, a drag
 * pans all; Fit and 100 %), each with its own Before toggle (the photo without that candidate) and
 * "Keep this". Esc closes it; the zoom keys (Ctrl/⌘ 0, 1, +, −) zoom the panes as they zoom the
 * canvas; no other key reaches the editor while it is open. Nothing changes the document except Keep.
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { bitmapsVersion, getBitmap, getMask, placeBitmap, subscribeBitmaps } from '../commands/blob-store';
import { maskedLayerCanvas, uncropped } from './canvas/layer-display';
import { formatUsd } from '../model/estimate';
import type { StagedCandidate } from '../model/staging-logic';
import { wheelFactor } from '../commands/store/viewport-slice';
import {
  type CompareViewState,
  actualSizeOnEdit,
  arrowMove,
  choosePane,
  fitView,
  panBy,
  panesShown,
  resizeView,
  unionBox,
  zoomAbout,
  zoomStepView,
  compareZoomKey,
  zoomLabel,
} from '../model/compare-view';
import type { DocState } from '../model/document-types';
import { keepStaged } from '../commands/edit-commands';
import { useEditor } from '../commands/store/store';
import { fieldOwnsKey } from './keyboard/field-focus';
import { keepTabInside, useFocusReturn } from './keyboard/modal-tab';
import { TextCheckBadge } from './panels/TextCheckBadge';
import { DialogMessages } from './panels/DialogMessages';

const close = () => useEditor.getState().setComparePanes(0);
/** Keep this (its button, or Enter on the focused pane). Refused (a Keep that would drop redo steps asks first): the view stays, with the reason on top. */
const keepFromView = (key: string) => void keepStaged(true, key, 'compare').then((kept) => kept && close());

/**
 * What the shown candidates change, in document px: each patch's non-transparent part (the mask and
 * its feather), or its whole region while no bitmap is decoded yet.
 */
function editedArea(shown: readonly StagedCandidate[]) {
  return unionBox(shown.map((c) => placeBitmap(c.assetId, c.region, 0) ?? c.region));
}

function drawPane(
  canvas: HTMLCanvasElement,
  doc: DocState,
  hidden: Record<string, true>,
  c: StagedCandidate,
  view: CompareViewState,
  before: boolean,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#1b1b1f';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(view.scale, 0, 0, view.scale, view.x, view.y);
  ctx.imageSmoothingEnabled = view.scale < 2;
  const original = getBitmap(doc.original.assetId);
  if (original && !hidden.original) ctx.drawImage(original, doc.original.x, doc.original.y, doc.original.width, doc.original.height);
  // Patches are kept decoded only where they are not transparent (and zoomed out, reduced):
  // placeBitmap says which bitmap to draw and where its part of the patch goes.
  const need = view.scale * (window.devicePixelRatio || 1);
  for (const l of doc.layers) {
    if (hidden[l.id] || l.visible === false) continue;
    // A layer with a layer mask shows through it, as on the stage (the same masked canvas).
    const at = placeBitmap(l.assetId, l, l.maskId ? undefined : need);
    if (!at || (l.maskId && at.reduced)) continue;
    ctx.globalAlpha = l.opacity ?? 1;
    if (l.maskId) ctx.drawImage(maskedLayerCanvas(l.id, uncropped(l.assetId, at.image), getMask(l.maskId)), l.x, l.y, l.width, l.height);
    else ctx.drawImage(at.image, at.x, at.y, at.width, at.height);
    ctx.globalAlpha = 1;
  }
  const patch = before ? undefined : placeBitmap(c.assetId, c.region, need);
  if (patch) ctx.drawImage(patch.image, patch.x, patch.y, patch.width, patch.height);
}

function Pane(props: {
  c: StagedCandidate;
  n: number;
  /** Which pane this is (1-based), and every staged candidate for its chooser. */
  pane: number;
  all: readonly StagedCandidate[];
  onChoose: (index: number) => void;
  doc: DocState;
  hidden: Record<string, true>;
  view: CompareViewState | null;
  size: { width: number; height: number };
  before: boolean;
  onBefore: () => void;
  /** The pane the arrow keys have reached: ringed, and what Enter keeps. */
  focused: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const version = useSyncExternalStore(subscribeBitmaps, bitmapsVersion);
  const { c, n, doc, hidden, view, size, before } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when a bitmap is replaced (preview → full); redraw then.
  useEffect(() => {
    if (ref.current && view) drawPane(ref.current, doc, hidden, c, view, before);
  }, [c, doc, hidden, view, before, version]);
  return (
    <figure
      className={props.focused ? 'compare-pane focused' : 'compare-pane'}
      aria-label={`Candidate ${n}: ${c.modelName}`}
      aria-current={props.focused ? 'true' : undefined}
      tabIndex={props.focused ? 0 : -1}
      data-pane={props.pane}
    >
      <canvas
        ref={ref}
        data-testid="compare-canvas"
        width={Math.max(1, Math.floor(size.width))}
        height={Math.max(1, Math.floor(size.height))}
      />
      <figcaption>
        {/* Any staged candidate in any pane: the two to weigh are not always neighbours in the strip. */}
        <select
          className="tag-model compare-choose"
          aria-label={`Candidate in pane ${props.pane}`}
          value={n - 1}
          onChange={(e) => props.onChoose(Number(e.target.value))}
        >
          {props.all.map((o, i) => (
            <option key={o.key} value={i}>
              {i + 1}. {o.modelName}
            </option>
          ))}
        </select>
        <span className="muted">
          {' '}
          {formatUsd(c.costUsd)} · {c.seconds.toFixed(1)} s
        </span>
        {/* The text check's verdict, as in the strip: the compare view is where a spelling is looked at closely. */}
        {c.textCheck && (
          <>
            {' '}
            <TextCheckBadge check={c.textCheck} />
          </>
        )}
        <span className="spacer" />
        <button
          type="button"
          aria-pressed={before}
          className={before ? 'active' : ''}
          aria-label={`Before: candidate ${n}`}
          onClick={props.onBefore}
          title="Show the photo without this candidate"
        >
          Before
        </button>
        <button type="button" className="primary" aria-label={`Keep candidate ${n}`} onClick={() => keepFromView(c.key)}>
          Keep this
        </button>
      </figcaption>
    </figure>
  );
}

function CompareBody({ panes }: { panes: 2 | 4 }) {
  const { staging, doc, hidden } = useEditor(useShallow((s) => ({ staging: s.staging, doc: s.doc, hidden: s.hiddenLayers })));
  const gridRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  useFocusReturn();
  // Open, the view takes the focus on its ringed pane, as a dialog does: it stayed on Compare…, hidden
  // behind the view (a screen reader said nothing of it). useFocusReturn gives it back on close.
  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('.compare-pane[aria-current="true"]')?.focus();
  }, []);
  const [size, setSize] = useState({ width: 1, height: 1 });
  const [view, setView] = useState<CompareViewState | null>(null);
  const [before, setBefore] = useState<Record<string, boolean>>({});
  /** The candidates picked per pane (null: from the selected one on, as the strip orders them). */
  const [picked, setPicked] = useState<number[] | null>(null);
  /** The pane the arrow keys moved to (null: the selected candidate's); Enter keeps its candidate. */
  const [focusPane, setFocusPane] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  const drag = useRef<{ x: number; y: number } | null>(null);
  const cols = 2;
  const rows = panes === 4 ? 2 : 1;

  useLayoutEffect(() => {
    const measure = () => {
      const g = gridRef.current;
      if (!g) return;
      // Each pane: its share of the grid minus the caption (about 30 px).
      setSize({ width: Math.max(1, g.clientWidth / cols - 8), height: Math.max(1, g.clientHeight / rows - 38) });
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [rows]);
  // Fitted when it opens (or the document changes); after that a change of the panes' size (2-up ↔
  // 4-up, the window) keeps the zoom and the point at the centre.
  const fitted = useRef<{ canvas: DocState['canvas']; size: { width: number; height: number } } | null>(null);
  useEffect(() => {
    if (!doc || size.width <= 1) return;
    const last = fitted.current;
    fitted.current = { canvas: doc.canvas, size };
    setView((v) => (v && last && last.canvas === doc.canvas ? resizeView(v, last.size, size) : fitView(doc.canvas, size)));
  }, [doc, size]);

  // The keys' handler is installed once: it reads the panes' size and the canvas through refs.
  const sizeRef = useRef(size);
  sizeRef.current = size;
  const canvasRef = useRef(doc?.canvas);
  canvasRef.current = doc?.canvas;
  /** The shown candidates (100 % centres on what they change). */
  const shownRef = useRef<StagedCandidate[]>([]);
  const paneKeyRef = useRef<(key: string) => void>(() => {});
  useEffect(() => {
    // While open, Esc closes it and no key reaches the editor's shortcuts (Esc would discard the candidates).
    const onKey = (e: KeyboardEvent) => {
      e.stopPropagation();
      // Tab stays among the view's controls (it walked on to the editor's, hidden behind the view).
      if (e.key === 'Tab') return keepTabInside(e, rootRef.current);
      // A field keeps its own keys (Esc in a field is the field's) — but not a pane's chooser its Esc:
      // with the list open Esc closes the list and never reaches the page, so one that does is meant
      // for the view (it did nothing after a candidate was picked there).
      if (fieldOwnsKey(e) && !(e.key === 'Escape' && e.target instanceof HTMLSelectElement)) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
        return;
      }
      // 2 and 4 (no modifier) choose 2-up and 4-up, as the buttons do (they did nothing; found by hand).
      if (!e.ctrlKey && !e.metaKey && !e.altKey && (e.code === 'Digit2' || e.code === 'Digit4')) {
        e.preventDefault();
        useEditor.getState().setComparePanes(e.code === 'Digit2' ? 2 : 4);
        return;
      }
      // ← → (↑ ↓ in 4-up) ring another pane, Enter keeps the ringed pane's candidate, as its Keep this
      // does (only Tab to a Keep this reached one; a button the keyboard reached keeps its own Enter).
      const arrow = e.key.startsWith('Arrow') && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
      if (arrow || (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey)) {
        e.preventDefault();
        if (!e.repeat || arrow) paneKeyRef.current(e.key);
        return;
      }
      // The zoom keys act on the panes as they do on the canvas (they did nothing here).
      const zoom = compareZoomKey(e);
      if (!zoom) return;
      e.preventDefault();
      const pane = sizeRef.current;
      const canvas = canvasRef.current;
      if (zoom === 'fit') {
        if (canvas) setView(fitView(canvas, pane));
      } else if (zoom === 'actual') setView((v) => v && actualSizeOnEdit(v, pane, editedArea(shownRef.current)));
      else setView((v) => v && zoomStepView(v, zoom === 'in' ? 1 : -1, pane));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  if (!doc) return null;
  const shownIdx = panesShown(staging.items.length, staging.selected, panes, picked);
  const shown = shownIdx.map((i) => staging.items[i]);
  shownRef.current = shown;
  const ringed = Math.min(focusPane ?? Math.max(0, shownIdx.indexOf(staging.selected)), shown.length - 1);
  paneKeyRef.current = (key) => {
    if (key === 'Enter') return shown[ringed] && keepFromView(shown[ringed].key);
    const { to, moved } = arrowMove(shownIdx, ringed, key, staging.items.length, panes);
    if (moved) setPicked(moved);
    setFocusPane(to);
    const c = moved ? staging.items[moved[to]] : shown[to];
    // Said by a screen reader (the live line), and the pane itself takes the focus (its name is read too).
    setSaid(`Pane ${to + 1} of ${shown.length}: candidate ${staging.items.indexOf(c) + 1}, ${c.modelName}. Enter keeps it.`);
    rootRef.current?.querySelector<HTMLElement>(`.compare-pane[data-pane="${to + 1}"]`)?.focus();
  };
  /** The pane point under the pointer (every pane has the same size and view). */
  const panePoint = (e: { clientX: number; clientY: number; target: EventTarget }) => {
    const canvas = (e.target as HTMLElement).closest('.compare-pane')?.querySelector('canvas');
    const r = canvas?.getBoundingClientRect();
    return r ? { x: e.clientX - r.left, y: e.clientY - r.top } : null;
  };
  return (
    <div
      ref={rootRef}
      className="compare-view"
      role="dialog"
      aria-modal="true"
      aria-label="Compare candidates"
      data-testid="compare-view"
      data-scale={view?.scale}
      data-x={view?.x}
      data-y={view?.y}
    >
      <DialogMessages />
      <header className="compare-head">
        <strong>Compare</strong>
        <button
          type="button"
          aria-pressed={panes === 2}
          className={panes === 2 ? 'active' : ''}
          onClick={() => useEditor.getState().setComparePanes(2)}
          title="Two panes side by side (2)"
        >
          2-up
        </button>
        <button
          type="button"
          aria-pressed={panes === 4}
          className={panes === 4 ? 'active' : ''}
          onClick={() => useEditor.getState().setComparePanes(4)}
          title="Four panes (4)"
        >
          4-up
        </button>
        <button type="button" onClick={() => setView(fitView(doc.canvas, size))} title="The whole photo in each pane (Ctrl/⌘ 0)">
          Fit
        </button>
        <button
          type="button"
          onClick={() => view && setView(actualSizeOnEdit(view, size, editedArea(shown)))}
          title="One photo pixel per screen pixel (Ctrl/⌘ 1)"
        >
          100 %
        </button>
        <output className="compare-zoom" aria-label="Compare zoom">
          {view ? zoomLabel(view.scale) : ''}
        </output>
        <span className="muted">
          Wheel zooms and a drag pans every pane together;{' '}
          {panes === 4 ? '← → ↑ ↓ choose a pane' : '← → choose a pane, then the next candidate'}, Enter keeps it.
        </span>
        <span className="sr-only" role="status" aria-label="Focused pane">
          {said}
        </span>
        <span className="spacer" />
        <button type="button" onClick={close} aria-label="Close compare">
          Close
        </button>
      </header>
      <div
        ref={gridRef}
        className={`compare-grid panes-${panes}`}
        onWheel={(e) => {
          const p = panePoint(e);
          if (p && view) setView(zoomAbout(view, wheelFactor(e), p));
        }}
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).tagName !== 'CANVAS') return;
          // The pane pressed is the one Enter keeps.
          const at = Number((e.target as HTMLElement).closest('.compare-pane')?.getAttribute('data-pane'));
          if (at) setFocusPane(at - 1);
          drag.current = { x: e.clientX, y: e.clientY };
          (e.target as HTMLElement).setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d || !view) return;
          setView(panBy(view, e.clientX - d.x, e.clientY - d.y));
          drag.current = { x: e.clientX, y: e.clientY };
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
      >
        {shown.map((c, p) => (
          <Pane
            // biome-ignore lint/suspicious/noArrayIndexKey: by pane, so its element (and the focus) stays as ← → move the candidates along (2-up)
            key={`pane-${p + 1}`}
            c={c}
            n={staging.items.indexOf(c) + 1}
            pane={p + 1}
            all={staging.items}
            onChoose={(i) => setPicked(choosePane(shownIdx, p, i))}
            doc={doc}
            hidden={hidden}
            view={view}
            size={size}
            before={!!before[c.key]}
            onBefore={() => setBefore({ ...before, [c.key]: !before[c.key] })}
            focused={p === ringed}
          />
        ))}
      </div>
    </div>
  );
}

export function CompareView() {
  const panes = useEditor((s) => s.comparePanes);
  const any = useEditor((s) => s.staging.items.length > 0);
  return panes && any ? <CompareBody panes={panes} /> : null;
}
