/**
 * The extend tool's anchor: one control, as Photoshop's Canvas Size anchor grid. One Tab stop (the
 * chosen anchor: a roving tabindex), ←/↑ and →/↓ move the choice (wrapping), Home and End jump to the
 * ends, Space chooses the focused one and Enter applies the extension, as in the pixel fields beside it.
 * A click chooses and gives the keyboard back (Enter applies, Esc cancels).
 */
import type { ExtendAnchor } from '../../../shared/geometry';
import { applyExtendDraft, chooseAnchor } from '../../commands/canvas-commands';
import { useRovingRadios } from '../roving-radio';

const ANCHORS: { id: ExtendAnchor; glyph: string; label: string }[] = [
  { id: 'centre', glyph: '◼', label: 'Centre: grow both sides evenly' },
  { id: 'left', glyph: '◧', label: 'Left: keep the photo at the left, grow to the right' },
  { id: 'right', glyph: '◨', label: 'Right: keep the photo at the right, grow to the left' },
  { id: 'top', glyph: '⬒', label: 'Top: keep the photo at the top, grow downwards' },
  { id: 'bottom', glyph: '⬓', label: 'Bottom: keep the photo at the bottom, grow upwards' },
];
const IDS = ANCHORS.map((a) => a.id);

export function AnchorGroup({ anchor }: { anchor: ExtendAnchor }) {
  const { onKeyDown: move, radio } = useRovingRadios(IDS, anchor, chooseAnchor);
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      (e.target as HTMLElement).blur();
      applyExtendDraft();
    } else move(e);
  };
  return (
    <span className="extend-anchors" role="radiogroup" aria-label="Anchor" onKeyDown={onKeyDown}>
      {ANCHORS.map((a) => (
        <button
          type="button"
          key={a.id}
          {...radio(a.id)}
          data-testid="extend-anchor"
          data-anchor={a.id}
          aria-label={`Anchor ${a.id}`}
          className={anchor === a.id ? 'active' : ''}
          title={a.label}
          onClick={(e) => {
            // A click gives the keyboard back (Enter applies, Esc cancels); Space on the focused one keeps it.
            if (e.detail > 0) e.currentTarget.blur();
            chooseAnchor(a.id);
          }}
        >
          {a.glyph}
        </button>
      ))}
    </span>
  );
}
