/**
 * Layers: the document mask (top), the generated patches (top of the stack first), the original
 * (bottom, locked). Each patch: drag handle (or ↑/↓), eye, name, layer-mask target, delete. As in
 * Photoshop, the selected patch's opacity is on the heading line and its buttons (rename, duplicate,
 * merge down, layer-mask removal) below the list, both out of the list's scrolling: at 1280×800 with
 * two layers they were below the panel's fold. Every change is one undo step
 * (renderer/commands/layer-commands.ts).
 */
import { loadModeOf, loadOriginalAsMaskCmd } from '../../commands/layer-as-mask';
import './layers.css';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useEditor } from '../../commands/store/store';
import { candidatesShown, maskOverlayShown, toggleMaskOverlay } from '../../commands/overlay-visibility';
import { EyeIcon, LockIcon } from './ToolIcon';
import { LayerThumb } from './LayerThumb';
import { LayerRow } from './LayerRow';
import { LayerActions } from './LayerActions';
import { LayerOpacity } from './LayerOpacity';
import { LayersScrollHint } from './LayersScrollHint';
import { onLayerSelectRequest } from './layer-select-request';
import { moveLayerCmd, setMaskTargetCmd } from '../../commands/layer-commands';
import { altClickEye } from '../../commands/layer-solo';
import { dropListIndex, maskTargetLayer, ORIGINAL_ROW, stackIndexOfListed } from '../../model/layer-logic';
import { OriginalActions } from './OriginalActions';
import { layerOriginLines, versionOfLayer } from '../../model/version-logic';
import { ROW_BUTTONS, takeLayerRowFocus } from './layer-row-focus';
import { useLayersFloor } from './layers-floor';
import { layerHasMask } from '../../../shared/document/schema';

/** The rows ↑/↓ move between: the kept layers' and the original's. */
const ROWS = `li[data-patch], li[data-layer="${ORIGINAL_ROW}"]`;

interface Drag {
  layerId: string;
  from: number;
  to: number;
}

export function LayersPanel() {
  const doc = useEditor((s) => s.doc);
  const hidden = useEditor((s) => s.hiddenLayers);
  const maskVisible = useEditor(maskOverlayShown);
  const overCandidates = useEditor(candidatesShown);
  const toggle = useEditor((s) => s.toggleLayer);
  const target = useEditor((s) => maskTargetLayer(s.doc, s.maskTarget));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The list holds the focus for a deleted last row (a click on it is not that: its labels are not buttons).
  const holding = useRef(false);
  // A layer that appears (Keep, Keep as layer, Duplicate, an undone delete) becomes the selected one, as
  // in Photoshop: the opacity below is then the new layer's, not the one clicked before.
  // The layers at the last change (null before the first: what is there on mount is not "added").
  const before = useRef<readonly { id: string }[] | null>(null);
  const layers = doc?.layers;
  useEffect(() => {
    const now = layers ?? [];
    const ids = new Set(now.map((l) => l.id));
    const was = before.current;
    before.current = now;
    // A reopened project's layers: the layer it was saved with selected (it was the top one).
    const saved = useEditor.getState().layerToSelect;
    if (saved !== null) {
      useEditor.getState().setLayerToSelect(null);
      if (saved === ORIGINAL_ROW || ids.has(saved)) return setSelectedId(saved);
    }
    const wasIds = new Set((was ?? []).map((l) => l.id));
    const added = was ? now.filter((l) => !wasIds.has(l.id)) : [];
    if (added.length) setSelectedId(added[added.length - 1].id);
    else
      setSelectedId((id) => {
        // The selected layer went away (merged down, deleted): the layer now in the place below it
        // is selected — the merged layer after Merge down — not the top of the list.
        if (id === null || id === ORIGINAL_ROW || ids.has(id)) return id;
        const at = (was ?? []).findIndex((l) => l.id === id);
        return at < 0 || !now.length ? null : now[Math.max(0, Math.min(now.length - 1, at - 1))].id;
      });
  }, [layers]);
  // The original's row can be selected too (as Photoshop's Background): Ctrl+J then copies it.
  const originalSelected = !!doc && selectedId === ORIGINAL_ROW;
  const selected = doc && !originalSelected ? (doc.layers.find((l) => l.id === selectedId) ?? target ?? doc.layers.at(-1) ?? null) : null;
  // Published for the layer shortcuts (Ctrl+J, Ctrl+E act on the layer the actions below are for).
  const selectedLayer = selected?.id ?? null;
  const published = originalSelected ? ORIGINAL_ROW : selectedLayer;
  useEffect(() => useEditor.getState().setSelectedLayer(published), [published]);
  // …and follows a selection made from the keyboard (Alt+[ / Alt+], shortcuts.ts).
  useEffect(() => onLayerSelectRequest(setSelectedId), []);
  // The focus follows the selection while it is on a row's button (a delete, an undo, Keep as layer
  // select another row), and after a delete from the panel, whose row took the focus with it: the
  // selected row takes it, on the same kind of button. Waits while the selection is being settled
  // (the selected layer just went away and the one in its place is about to be chosen).
  const settled = selectedId === null || !!layers?.some((l) => l.id === selectedId);
  // In the commit that shows the selection (a layout effect): moved after the paint, a key pressed
  // as the new row appeared (↑ right after Ctrl+J) still went to the row the focus was leaving.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a delete that leaves the selection as it was still asks for the focus
  useLayoutEffect(() => {
    if (!settled) return;
    const list = listRef.current;
    const active = document.activeElement;
    // A request made before a merge down (rendered in main, so later) is dropped if the focus has
    // gone somewhere else meanwhile (a field, the canvas's keys): it only picks up a focus that fell.
    const section = list?.closest('section');
    const fell = active === document.body || active === null || !!section?.contains(active);
    const taken = takeLayerRowFocus();
    const asked = taken && fell ? taken : null;
    if (!list) return;
    // The last layer deleted from its row: no row is left to take the focus, so the list holds it
    // (it fell to the page), and the layer Ctrl+Z brings back takes it again.
    if (asked && !selectedLayer) {
      holding.current = true;
      return list.focus();
    }
    // On the original's row too: after Ctrl+J there the copy is selected, and the focus goes to its row.
    const row = active instanceof HTMLButtonElement ? active.closest(ROWS) : null;
    const held = active === list && holding.current;
    // The row of the selection: a kept layer's, or the original's (chosen with Alt+[ from the lowest layer).
    if (!published || (!asked && !held && (!row || !list.contains(row) || row.getAttribute('data-layer') === published))) return;
    const cls = asked ?? ROW_BUTTONS.find((c) => active?.classList.contains(c)) ?? 'layer-name';
    const to = list.querySelector(`li[data-layer="${CSS.escape(published)}"]:is([data-patch], [data-layer="${ORIGINAL_ROW}"])`);
    (to?.querySelector<HTMLElement>(`button.${cls}`) ?? to?.querySelector<HTMLElement>('button.layer-name'))?.focus();
  }, [settled, published, layers]);
  // Three whole rows always in sight, none cut; the selected row scrolled into view.
  useLayersFloor(listRef, published);
  if (!doc) return null;
  const listed = [...doc.layers].reverse();
  const originalTab = originalSelected || !doc.layers.length ? 0 : -1;

  const rowRects = () =>
    [...(listRef.current?.querySelectorAll<HTMLElement>('li[data-patch]') ?? [])].map((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });

  function startDrag(layerId: string, from: number, e: ReactPointerEvent<HTMLButtonElement>) {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setSelectedId(layerId);
    setDrag({ layerId, from, to: from });
  }
  function moveDrag(e: ReactPointerEvent) {
    if (!drag) return;
    const to = dropListIndex(rowRects(), drag.from, e.clientY);
    if (to !== drag.to) setDrag({ ...drag, to });
  }
  // ↑/↓ on a row's eye, name, layer-mask or delete button go to the same button of the row above or
  // below, which becomes the selected layer (the handle's ↑/↓ move the layer instead).
  function moveFocus(e: ReactKeyboardEvent) {
    if ((e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const from = e.target as HTMLElement;
    const row = from.closest(ROWS);
    if (!(from instanceof HTMLButtonElement) || !row) return;
    e.preventDefault();
    e.stopPropagation();
    const next = e.key === 'ArrowUp' ? row.previousElementSibling : row.nextElementSibling;
    if (!next?.matches(ROWS)) return;
    const cls = ROW_BUTTONS.find((c) => from.classList.contains(c)) ?? 'layer-name';
    (next.querySelector<HTMLElement>(`button.${cls}`) ?? next.querySelector<HTMLElement>('button.layer-name'))?.focus();
  }
  function endDrag() {
    if (!drag) return;
    setDrag(null);
    if (drag.to !== drag.from) moveLayerCmd(drag.layerId, stackIndexOfListed(listed.length, drag.to));
  }

  return (
    // With kept layers the heading keeps the Opacity field's height (the original's row has none), and
    // with a layer mask the buttons below the list keep two rows for every row selected (a masked
    // layer's Remove mask wraps to a second one): selecting another row moved them all 2 or 24 px.
    <section
      className={`panel layers-panel${doc.layers.length ? ' has-layers' : ''}${doc.layers.some(layerHasMask) ? ' has-layer-mask' : ''}`}
      aria-label="Layers"
    >
      <div className="layers-head">
        <h3>Layers</h3>
        <LayersScrollHint list={listRef} />
        {selected && <LayerOpacity layer={selected} />}
      </div>
      <ul
        className="layers"
        ref={listRef}
        // Not a Tab stop: it holds the focus while no layer row is left (see above).
        tabIndex={-1}
        onBlur={(e) => {
          if (e.target === e.currentTarget) holding.current = false;
        }}
        onKeyDown={moveFocus}
        onPointerMove={moveDrag}
        onPointerUp={endDrag}
        onPointerCancel={() => setDrag(null)}
      >
        <li data-layer="mask" className={target ? '' : 'mask-target'}>
          <button
            type="button"
            className="eye"
            data-visible={maskVisible}
            aria-label={maskVisible ? 'Hide mask overlay' : 'Show mask overlay'}
            onClick={toggleMaskOverlay}
            title={
              overCandidates
                ? maskVisible
                  ? 'Hide the mask overlay over the candidates (\\)'
                  : 'Show the mask overlay over the candidates (\\) — hidden while they are staged, so they show unmasked'
                : maskVisible
                  ? 'Hide mask overlay (\\)'
                  : 'Show mask overlay (\\)'
            }
          >
            <EyeIcon open={maskVisible} />
          </button>
          <span className="layer-label">Mask</span>
          <button
            type="button"
            className="layer-mask-target"
            aria-pressed={!target}
            aria-label="Paint the document mask"
            title="The brush and eraser paint the document mask (what Generate changes)"
            onClick={() => setMaskTargetCmd(null)}
          >
            ◐
          </button>
        </li>
        {listed.map((l, i) => {
          const line = drag && drag.to !== drag.from && drag.to === i ? (drag.to < drag.from ? 'above' : 'below') : null;
          return (
            <LayerRow
              key={l.id}
              layer={l}
              canvas={doc.canvas}
              selected={selected?.id === l.id}
              maskTarget={target?.id === l.id}
              dragging={drag?.layerId === l.id}
              dropLine={line}
              origin={layerOriginLines(versionOfLayer(doc, l))}
              renaming={renamingId === l.id}
              onRenaming={(on) => setRenamingId(on ? l.id : null)}
              onSelect={() => setSelectedId(l.id)}
              onDragStart={(e) => startDrag(l.id, i, e)}
            />
          );
        })}
        <li
          data-layer={ORIGINAL_ROW}
          className={originalSelected ? 'selected' : ''}
          aria-current={originalSelected ? 'true' : undefined}
          // As a kept layer's row: the focus entering it (Tab, ↓ from the lowest layer, a click on the name) selects it.
          onFocus={() => originalSelected || setSelectedId(ORIGINAL_ROW)}
        >
          <button
            type="button"
            className="eye"
            // Only the selected row is a Tab stop (with no kept layer, this is the only row).
            tabIndex={originalTab}
            // A click on the eye shows or hides without selecting, as on a kept layer's row.
            onMouseDown={(e) => e.preventDefault()}
            data-visible={!hidden.original}
            aria-label={hidden.original ? 'Show original' : 'Hide original'}
            onClick={(e) => (e.altKey ? altClickEye(ORIGINAL_ROW) : toggle('original'))}
            // Unlike a layer's eye, a view aid: the export always has the photo under the layers.
            title={
              hidden.original
                ? 'Show the original photo (hidden on screen only; the export always includes it) · Alt+click: the original alone'
                : 'Hide the original photo on screen only, to see the kept layers alone (the export always includes it) · Alt+click: the original alone'
            }
          >
            <EyeIcon open={!hidden.original} />
          </button>
          {/* The original's thumbnail, as Photoshop's Background row has (not a handle: the original does not move). */}
          <span
            className="layer-thumb-static"
            aria-hidden="true"
            title="Ctrl/⌘+click: the original's area as the mask (+Shift adds, +Alt subtracts)"
            onClick={(e) => {
              const mode = loadModeOf(e);
              if (mode) loadOriginalAsMaskCmd(mode);
            }}
          >
            <LayerThumb layer={doc.original} canvas={doc.canvas} />
          </span>
          {/* One line like the other rows: a long file name ends in … (the whole of it in the tooltip);
              "(original, locked)" is a lock, as on Photoshop's Background (it was cut to "(original, lock…"). */}
          <button
            type="button"
            className="layer-name original-name"
            tabIndex={originalTab}
            aria-label={`Select original ${doc.original.name}`}
            aria-pressed={originalSelected}
            title={`${doc.original.name} (original, locked)`}
            onClick={() => setSelectedId(ORIGINAL_ROW)}
          >
            <span className="original-name-text">{doc.original.name}</span>
            <LockIcon />
          </button>
        </li>
      </ul>
      {originalSelected && <OriginalActions name={doc.original.name} />}
      {selected && (
        // Not made again for another layer (no key): Duplicate pressed with the keyboard keeps the focus,
        // so Enter again makes a second copy (the focus fell to the page).
        <LayerActions
          layer={selected}
          renaming={renamingId === selected.id}
          onRename={() => {
            setSelectedId(selected.id);
            setRenamingId(selected.id);
          }}
        />
      )}
    </section>
  );
}
