/**
 * Feather… (Shift+F6): a radius in px, typed (the field opens focused with its number selected),
 * Enter or OK feathers the mask as one undo step, Esc or Cancel closes it with the mask unchanged.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { answerFeather, useFeatherAsk } from '../commands/feather-ask';
import { clampNumber, NumberField, readNumber } from './NumberField';
import { fieldOwnsKey } from './keyboard/field-focus';
import { keepTabInside, useFocusReturn, useKeysOutside } from './keyboard/modal-tab';
import { DialogMessages } from './panels/DialogMessages';

const MAX = 500; // as the Mask panel's Feather px

export function FeatherDialog() {
  const open = useFeatherAsk((s) => s.open);
  // Mounted fresh at each opening: the field starts from the radius last applied, its number selected.
  return open ? <FeatherBody /> : null;
}

function FeatherBody() {
  const radius = useFeatherAsk((s) => s.radius);
  const box = useRef<HTMLDivElement>(null);
  /** The radius as typed so far (applied on leaving the field too: a click on OK reads it). */
  const [draft, setDraft] = useState(radius);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const field = () => box.current?.querySelector<HTMLInputElement>('input') ?? null;
  useFocusReturn();
  useEffect(() => {
    const el = box.current?.querySelector<HTMLInputElement>('input');
    el?.focus();
    el?.select(); // typing replaces the number, as in Photoshop's dialog
  }, []);
  useKeysOutside(box, () => answerFeather(null));
  /** What the field holds now, clamped (text that is no number: the last valid radius). */
  const typed = () => {
    const el = field();
    const read = !el || el.validity.badInput ? null : readNumber(el.value);
    return typeof read === 'number' ? clampNumber(read, 1, MAX) : draftRef.current;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys answer this dialog only, never the editor's shortcuts; Tab stays on its controls.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      answerFeather(null);
    } else if (e.key === 'Enter' && !(fieldOwnsKey(e) && e.target !== field())) {
      // Enter applies, from the field too (a button reached with Tab keeps its own Enter).
      e.preventDefault();
      answerFeather(typed());
    } else keepTabInside(e, e.currentTarget);
  };
  return (
    <div className="modal-backdrop">
      <div ref={box} className="modal feather-dialog" role="dialog" aria-modal="true" aria-label="Feather selection" onKeyDown={onKeyDown}>
        <DialogMessages />
        <h3>Feather selection</h3>
        <div className="row">
          <span>Feather radius</span>
          <NumberField
            aria-label="Feather radius"
            className="num"
            min={1}
            max={MAX}
            value={draft}
            onValue={(v) => v !== null && setDraft(v)}
            onKeyDown={(e) => {
              // Enter and Esc are the dialog's (apply, cancel), not the field's (leave it).
              if (e.key === 'Enter' || e.key === 'Escape') e.preventDefault();
            }}
          />
          px
        </div>
        <div className="row">
          <button type="button" className="primary" onClick={() => answerFeather(typed())} title="Feather the mask (Enter)">
            OK
          </button>
          <button type="button" onClick={() => answerFeather(null)} title="Leave the mask as it is (Esc)">
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
