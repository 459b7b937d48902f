/**
 * One patch layer in the Layers panel: drag handle, the layer's thumbnail (mouse: drag; keyboard: ↑/↓ move it one step),
 * eye, name (click selects, double-click renames; the Rename button is below the list, with the
 * selected layer's other actions, so the name keeps the row's width), layer-mask target button, delete.
 * The focus and the selection agree: a row that takes the focus is selected, and only the selected
 * row's buttons are Tab stops (↑/↓ on its other buttons go to the next row; LayersPanel).
 */
import { shortModelName } from '../../../shared/models/display-name';
import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { layerHasMask, layerOpacity, layerVisible, type PatchLayer } from '../../../shared/document/schema';
import { deleteLayerCmd, nudgeLayerCmd, renameLayerCmd, setLayerVisibleCmd, setMaskTargetCmd } from '../../commands/layer-commands';
import { EyeIcon } from './ToolIcon';
import { requestLayerRowFocus } from './layer-row-focus';
import { altClickEye } from '../../commands/layer-solo';
import { LayerThumb } from './LayerThumb';
import { loadLayerAsMaskCmd, loadModeOf } from '../../commands/layer-as-mask';

export interface LayerRowProps {
  layer: PatchLayer;
  /** The document's size: the thumbnail shows the layer where it lies in it. */
  canvas: { width: number; height: number };
  selected: boolean;
  maskTarget: boolean;
  dragging: boolean;
  dropLine: 'above' | 'below' | null;
  /** The whole prompt and the model of the layer's version ("Prompt: …", "Model: …"), for the name's tooltip. */
  origin: readonly string[];
  /** The name is being edited (double-click, or Rename below the list); `onRenaming` starts and ends it. */
  renaming: boolean;
  onRenaming(on: boolean): void;
  onSelect(): void;
  onDragStart(e: ReactPointerEvent<HTMLButtonElement>): void;
}

export function LayerRow(props: LayerRowProps) {
  const { layer: l, canvas, selected, maskTarget, dragging, dropLine, origin, renaming, onRenaming, onSelect, onDragStart } = props;
  // Enter and Escape end the edit; the blur that follows must not commit (again, or at all).
  const ended = useRef(false);
  // Enter or Esc hands the focus back to the row's name (the field goes, and the focus fell to the
  // page: ↑/↓ and Tab started from nowhere, Delete spoke of the mask); a click elsewhere keeps its own.
  const refocus = useRef(false);
  const nameRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (renaming)
      ended.current = false; // a new edit (from here or from Rename below the list)
    else if (refocus.current) {
      refocus.current = false;
      nameRef.current?.focus();
    }
  }, [renaming]);
  const setRenaming = (on: boolean) => {
    ended.current = !on;
    onRenaming(on);
  };
  // A kept result's name ends in its model ("A bright yellow paper cup · Nano Banana 2"): the model
  // goes on a second, smaller line, so the prompt's words are not cut for it (two layers from one
  // prompt both read "A bright yellow paper cup · Na…"). A name without it shows whole as before.
  // A duplicate's " copy" stays with the model ("GPT Image 2 copy"), whole on that line.
  const model = origin.find((o) => o.startsWith('Model: '))?.slice('Model: '.length);
  const cut = model ? l.name.lastIndexOf(` · ${model}`) : -1;
  const tail = cut > 0 ? l.name.slice(cut + 3) : '';
  const split = !!model && cut > 0 && tail.startsWith(model) && /^( copy( \d+)?)*$/.test(tail.slice(model.length));
  const head = split ? l.name.slice(0, cut) : l.name;
  const visible = layerVisible(l);
  const opacity = Math.round(layerOpacity(l) * 100);
  const cls = [selected && 'selected', maskTarget && 'mask-target', dragging && 'dragging', dropLine && `drop-${dropLine}`]
    .filter(Boolean)
    .join(' ');
  // Only the selected row is in the Tab order: tabbing on from it reaches the actions below the list
  // (for this layer) instead of passing through, and selecting, every other row.
  const tabIndex = selected ? 0 : -1;
  return (
    // The focus entering the row (Tab, ↑/↓, a click) selects its layer, so the layer keys (Delete,
    // Ctrl+J, Ctrl+E) and the actions below the list act on the row that has the focus.
    // Eye, thumbnail, name, as in Photoshop (the thumbnail came first, so the eyes of kept layers and the
    // original's row were not in one column).
    <li data-layer={l.id} data-patch="" className={cls} aria-current={selected ? 'true' : undefined} onFocus={() => selected || onSelect()}>
      <button
        type="button"
        className="eye"
        tabIndex={tabIndex}
        data-visible={visible}
        // A click on the eye shows or hides the layer without selecting it, as in Photoshop: the focus stays where it was.
        onMouseDown={(e) => e.preventDefault()}
        aria-label={`${visible ? 'Hide' : 'Show'} layer ${l.name}`}
        onClick={(e) => (e.altKey ? altClickEye(l.id) : setLayerVisibleCmd(l.id, !visible))}
        title={`${visible ? 'Hide' : 'Show'} this layer (on screen and in the export) · Alt+click: this layer alone, again: the others back`}
      >
        <EyeIcon open={visible} />
      </button>
      <button
        type="button"
        className="layer-handle"
        tabIndex={tabIndex}
        aria-label={`Move layer ${l.name}`}
        title="Drag to reorder · ↑/↓ move one step · Ctrl/⌘+click: the layer's pixels as the mask (+Shift adds, +Alt subtracts)"
        // The layer's thumbnail is its handle, as in Photoshop: a click selects the layer, a drag moves it;
        // Ctrl/⌘+click loads its pixels as the mask (Photoshop's selection from layer transparency).
        onPointerDown={onDragStart}
        onClick={(e) => {
          const mode = loadModeOf(e);
          if (!mode) return;
          void loadLayerAsMaskCmd(l.id, mode);
          // The keys go back to the canvas, so the arrows then nudge the loaded mask (↑/↓ here moved the layer).
          e.currentTarget.blur();
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            e.stopPropagation();
            nudgeLayerCmd(l.id, e.key === 'ArrowUp' ? 1 : -1);
          }
        }}
      >
        <LayerThumb layer={l} canvas={canvas} />
      </button>
      {renaming ? (
        <input
          className="layer-rename"
          aria-label={`New name for ${l.name}`}
          defaultValue={l.name}
          // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter' || e.key === 'Escape') {
              if (e.key === 'Enter') renameLayerCmd(l.id, e.currentTarget.value);
              refocus.current = true;
              setRenaming(false);
            }
          }}
          onBlur={(e) => {
            if (ended.current) return;
            renameLayerCmd(l.id, e.currentTarget.value);
            setRenaming(false);
          }}
        />
      ) : (
        <button
          type="button"
          ref={nameRef}
          className="layer-name"
          tabIndex={tabIndex}
          aria-label={`Select layer ${l.name}`}
          aria-pressed={selected}
          // The name shortens the prompt: the tooltip (the button's accessible description) has all of it and the model.
          title={[l.name, ...origin, `Double-click to rename${opacity < 100 ? ` · opacity ${opacity} %` : ''}`].join('\n')}
          onClick={onSelect}
          onDoubleClick={() => setRenaming(true)}
        >
          {/* Up to two lines, then … (the whole name is in the tooltip and the accessible name, the whole prompt in the tooltip). */}
          <span className="layer-name-lines">
            <span className="layer-name-text">{head}</span>
            {/* The model's short name ("Nano Banana 2"; the whole was cut to "Nano Banana 2 (Gem…"): the whole in the row's tooltip. */}
            {split && model && <span className="layer-name-model">{shortModelName(model) + tail.slice(model.length)}</span>}
          </span>
          {opacity < 100 && <span className="muted layer-name-opacity">{opacity}%</span>}
        </button>
      )}
      <button
        type="button"
        className="layer-mask-target"
        tabIndex={tabIndex}
        data-has-mask={layerHasMask(l)}
        aria-pressed={maskTarget}
        aria-label={`Paint the layer mask of ${l.name}`}
        title={
          maskTarget
            ? 'The brush and eraser paint this layer mask (E hides the layer, B brings it back). Click to paint the document mask again.'
            : 'Paint this layer mask with the brush and eraser: hide part of this result without regenerating'
        }
        // The press does not move the focus (the row's focus selects it, and painting follows the
        // selection: a layer without a mask went back to the document mask between press and release,
        // the bar changed and the click was lost); the click selects, targets and focuses in one go.
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          // Painting a layer's mask makes it the selected layer, as clicking a mask does in Photoshop:
          // the opacity and actions below are then this layer's.
          if (!maskTarget) onSelect();
          setMaskTargetCmd(maskTarget ? null : l.id);
          e.currentTarget.focus();
        }}
      >
        ◐
      </button>
      <button
        type="button"
        className="layer-delete"
        data-testid="delete-layer"
        aria-label={`Delete layer ${l.name}`}
        tabIndex={tabIndex}
        title="Delete layer (undoable)"
        onClick={(e) => {
          // The focus goes on to the row now in this one's place (to its × after Enter or Space, so they
          // go on deleting; to its name after a click), so Delete works there next.
          requestLayerRowFocus(e.detail === 0 ? e.currentTarget : null);
          deleteLayerCmd(l.id);
        }}
      >
        ×
      </button>
    </li>
  );
}
