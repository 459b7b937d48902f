/**
 * The selected layer's opacity, in percent, on the Layers panel's heading line as in Photoshop (the
 * actions below the list were below the fold at 1280×800 with two layers). The canvas follows each
 * typed digit and ↑/↓ step at once; Enter or leaving the field applies it as one undo step; Esc puts
 * back the value from before. The word "Opacity" is Photoshop's scrubby slider: dragged left or right,
 * one percent per pixel, the canvas follows, and letting go applies it as one undo step (Esc before
 * that puts it back).
 */
import { useEffect, useRef } from 'react';
import { layerOpacity, type PatchLayer } from '../../../shared/document/schema';
import { setLayerOpacityCmd } from '../../commands/layer-commands';
import { useEditor } from '../../commands/store/store';

/** The percent typed in the field (0–100, whole), or null while it holds no number ("", "-"). */
function typedPercent(el: HTMLInputElement): number | null {
  const v = Number(el.value);
  return el.value.trim() === '' || !Number.isFinite(v) ? null : Math.round(Math.min(100, Math.max(0, v)));
}

export function LayerOpacity({ layer }: { layer: PatchLayer }) {
  const opacity = Math.round(layerOpacity(layer) * 100);
  const setPreview = useEditor((s) => s.setOpacityPreview);
  // The canvas shows what the field holds while it is edited (nothing to show: the applied value).
  const preview = (el: HTMLInputElement) => {
    const v = typedPercent(el);
    setPreview(v === null ? null : { layerId: layer.id, opacity: v / 100 });
  };
  // No preview outlives the field's layer (another layer selected, the layer gone, the panel closed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: another layer ends the preview of the one before
  useEffect(() => () => setPreview(null), [layer.id, setPreview]);
  const commitOpacity = (el: HTMLInputElement) => {
    const v = typedPercent(el);
    // One step for the whole edit, however many digits and arrows it took.
    if (v !== null) setLayerOpacityCmd(layer.id, v);
    setPreview(null);
    // The field shows what was applied: 150 is 100 % (it kept showing "150" over a layer at 100 %).
    el.value = String(v ?? opacity);
  };
  const field = useRef<HTMLInputElement>(null);
  // A drag on the word "Opacity": where it started, the value then, and how it ends (Esc cancels it).
  const scrub = useRef<{ x: number; from: number; end(): void } | null>(null);
  const scrubTo = (clientX: number) => {
    const el = field.current;
    if (!scrub.current || !el) return;
    el.value = String(Math.min(100, Math.max(0, scrub.current.from + Math.round(clientX - scrub.current.x))));
    preview(el);
  };
  /** Ends a drag; `apply`: one undo step for it, else the value from before it comes back. */
  const endScrub = (apply: boolean) => {
    const s = scrub.current;
    const el = field.current;
    if (!s) return;
    scrub.current = null;
    s.end();
    if (!el) return setPreview(null);
    if (apply) commitOpacity(el);
    else {
      el.value = String(opacity);
      setPreview(null);
    }
  };
  // No drag outlives the field's layer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: another layer ends the drag on the one before
  useEffect(() => () => scrub.current?.end(), [layer.id]);
  return (
    // Not a <label>: a click on "Opacity" would put the focus in the field (and the editor's keys with it)
    // at the end of a drag; the field has its own accessible name.
    <div className="field layer-opacity">
      <span
        className="layer-opacity-scrub"
        title="Drag left or right to change the opacity (one step when you let go)"
        onPointerDown={(e) => {
          if (e.button !== 0 || !field.current) return;
          e.preventDefault(); // no text selection, and the focus stays where it was
          const target = e.currentTarget;
          const pointer = e.pointerId;
          target.setPointerCapture(pointer);
          // Esc during the drag puts the value back, as in the field; it is the drag's alone (no other Esc).
          const onKey = (k: KeyboardEvent) => {
            if (k.key !== 'Escape') return;
            k.preventDefault();
            k.stopImmediatePropagation();
            endScrub(false);
          };
          window.addEventListener('keydown', onKey, true);
          scrub.current = {
            x: e.clientX,
            from: typedPercent(field.current) ?? opacity,
            end: () => {
              window.removeEventListener('keydown', onKey, true);
              if (target.hasPointerCapture(pointer)) target.releasePointerCapture(pointer);
            },
          };
        }}
        onPointerMove={(e) => scrubTo(e.clientX)}
        onPointerUp={(e) => {
          scrubTo(e.clientX);
          endScrub(true);
        }}
        onPointerCancel={() => endScrub(false)}
      >
        Opacity
      </span>
      <input
        ref={field}
        // Shows the selected layer's value: made again for another layer or another value.
        key={`${layer.id}:${opacity}`}
        type="number"
        min={0}
        max={100}
        step={1}
        defaultValue={opacity}
        aria-label={`Opacity of ${layer.name} (%)`}
        title="Layer opacity in percent (on screen and in the export): the canvas follows as you type or step; Enter applies, Esc puts it back"
        onInput={(e) => preview(e.currentTarget)}
        onKeyDown={(e) => {
          // Enter applies, Esc puts the value back; either gives the keys back to the editor, as in every
          // number field (the focus stayed here, and the next E or [ went into the field).
          if (e.key === 'Enter') {
            e.preventDefault();
            commitOpacity(e.currentTarget);
            e.currentTarget.blur();
          } else if (e.key === 'Escape') {
            e.currentTarget.value = String(opacity);
            setPreview(null);
            e.currentTarget.blur();
          } else if (e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.ctrlKey && !e.metaKey && !e.altKey) {
            // Ten at a time, as in Photoshop and the app's other number fields (the browser stepped by one);
            // shown at once and applied by Enter or leaving the field, as ↑/↓ are.
            e.preventDefault();
            const v = Number(e.currentTarget.value);
            const from = Number.isFinite(v) && e.currentTarget.value.trim() !== '' ? v : opacity;
            e.currentTarget.value = String(Math.min(100, Math.max(0, Math.round(from) + (e.key === 'ArrowUp' ? 10 : -10))));
            preview(e.currentTarget);
          }
        }}
        onBlur={(e) => commitOpacity(e.currentTarget)}
      />
      <span>%</span>
    </div>
  );
}
