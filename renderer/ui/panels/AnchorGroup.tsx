/**
 * The extend tool's anchor: one control, as Photoshop's Canvas Size anchor grid. One Tab stop (the
 * chosen anchor: a roving tabindex), ←/↑ and →/↓ move the choice (wrapping), Home and End jump to the
 * ends, Space chooses the focused one and Enter applies the extension, as in the pixel fields beside it.
 * A click chooses and gives the keyboard back (Enter applies, Esc cancels).
 */
import { useRef } from 'react';
import type { ExtendAnchor } from '../../../shared/geometry';
import { applyExtendDraft, chooseAnchor } from '../../commands/canvas-commands';

const ANCHORS: { id: ExtendAnchor; glyph: string; label: string }[] = [
  { id: 'centre', glyph: '◼', label: 'Centre: grow both sides evenly' },
  { id: 'left', glyph: '◧', label: 'Left: keep the photo at the left, grow to the right' },
  { id: 'right', glyph: '◨', label: 'Right: keep the photo at the right, grow to the left' },
  { id: 'top', glyph: '⬒', label: 'Top: keep the photo at the top, grow downwards' },
  { id: 'bottom', glyph: '⬓', label: 'Bottom: keep the photo at the bottom, grow upwards' },
];

/** The anchor a key moves to from `at`, or null for a key the group does not take. */
export function anchorAfterKey(at: ExtendAnchor, key: string): ExtendAnchor | null {
  const i = ANCHORS.findIndex((a) => a.id === at);
  const last = ANCHORS.length - 1;
  const to =
    key === 'ArrowRight' || key === 'ArrowDown'
      ? i === last
        ? 0
        : i + 1
      : key === 'ArrowLeft' || key === 'ArrowUp'
        ? i <= 0
          ? last
          : i - 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? last
            : -1;
  return to < 0 ? null : ANCHORS[to].id;
}

export function AnchorGroup({ anchor }: { anchor: ExtendAnchor }) {
  const refs = useRef(new Map<ExtendAnchor, HTMLButtonElement>());
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      (e.target as HTMLElement).blur();
      applyExtendDraft();
      return;
    }
    const to = anchorAfterKey(anchor, e.key);
    if (!to) return;
    e.preventDefault();
    chooseAnchor(to);
    refs.current.get(to)?.focus();
  };
  return (
    <span className="extend-anchors" role="radiogroup" aria-label="Anchor" onKeyDown={onKeyDown}>
      {ANCHORS.map((a) => (
        // biome-ignore lint/a11y/useSemanticElements: a glyph button styled as the other tool-bar buttons; the ARIA radio pattern (roving tabindex) gives it a radio's keys
        <button
          type="button"
          key={a.id}
          role="radio"
          ref={(el) => {
            if (el) refs.current.set(a.id, el);
            else refs.current.delete(a.id);
          }}
          data-testid="extend-anchor"
          data-anchor={a.id}
          aria-label={`Anchor ${a.id}`}
          aria-checked={anchor === a.id}
          tabIndex={anchor === a.id ? 0 : -1}
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
