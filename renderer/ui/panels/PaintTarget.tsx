/**
 * In the options bar with the brush or eraser: which mask a stroke paints. "Document mask" is what
 * Generate changes; "Layer mask · <name>" hides (eraser) or brings back (brush) part of that layer,
 * with a button back to the document mask. The canvas frames the target layer (PatchNode.tsx).
 */
import { setMaskTargetCmd } from '../../commands/layer-commands';
import { maskTargetLayer } from '../../model/layer-logic';
import { useEditor } from '../../commands/store/store';

export function PaintTarget() {
  const target = useEditor((s) => maskTargetLayer(s.doc, s.maskTarget));
  if (!target) {
    return (
      <span
        className="paint-target"
        data-target="document"
        role="status"
        aria-label="Painting: document mask"
        title="The brush and eraser paint the document mask"
      >
        Painting: <strong>Document mask</strong>
      </span>
    );
  }
  return (
    <span className="paint-target layer" data-target="layer" role="status" aria-label={`Painting: layer mask of ${target.name}`}>
      <span className="paint-target-lead">Painting:</span>
      <strong>
        Layer mask ·&nbsp;
        <span className="paint-target-name" title={target.name}>
          {target.name}
        </span>
      </strong>
      <button type="button" onClick={() => setMaskTargetCmd(null)} title="Paint the document mask again">
        Document mask
      </button>
    </span>
  );
}
