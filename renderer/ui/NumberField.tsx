/**
 * A number field that lets the user type: the text is theirs while the field has the focus — never
 * rewritten under their fingers — and a value is applied as soon as the text is a valid one (inside
 * min…max; whole for an integer field). Enter applies what is typed (clamped to min…max) and gives
 * the keys back to the editor, as Photoshop's options bar does; Esc leaves the field and puts back the
 * value it had when the field was entered; leaving the field applies (clamped) too. Empty or
 * unreadable text applies nothing: the field shows the value again (or, with `allowEmpty`, applies
 * "none" — null). Shift+↑/↓ step by ten, as in Photoshop.
 *
 * Each field used to apply `Number(text)` clamped on every keystroke: select-all + Backspace + "30"
 * gave 130 (the empty field snapped to 1, then "30" was appended), "-5" gave 15 and "40e" gave 1.
 */
import { type InputHTMLAttributes, type KeyboardEvent, useRef, useState } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'onChange' | 'min' | 'max'>;

export interface NumberFieldProps extends InputProps {
  value: number | null;
  min?: number;
  max?: number;
  /** Whole numbers only (the default); a typed 2.6 applies as 3 on Enter. */
  integer?: boolean;
  /** Empty text is a value (null: "random", "no cap"); otherwise empty text applies nothing. */
  allowEmpty?: boolean;
  onValue(v: number | null): void;
  /**
   * A number below `min` was typed and applied (Enter, leaving the field): it is clamped, and this
   * says why where the floor means something (the extend tool's sides: it cannot crop).
   */
  onBelowMin?(): void;
  /**
   * Runs before the field's own Enter / Esc handling; calling preventDefault there leaves the field's
   * own handling out (the extend tool's fields: Enter applies the extension, Esc drops it).
   */
  onKeyDown?(e: KeyboardEvent<HTMLInputElement>): void;
}

/** What the text means: a number, empty, or nothing usable. */
export function readNumber(text: string): number | 'empty' | null {
  const t = text.trim();
  if (t === '') return 'empty';
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** The value a typed number applies on Enter or leaving the field: clamped, rounded for a whole-number field. */
export function clampNumber(v: number, min = -Infinity, max = Infinity, integer = true): number {
  const c = Math.min(max, Math.max(min, v));
  return integer ? Math.min(max, Math.max(min, Math.round(c))) : c;
}

/**
 * True when `text`, being typed, is a number outside min…max: the field says so (aria-invalid, a red
 * outline) while the rest of the panel still shows the last valid value — a typed 150 for a quality of
 * 1–100 left the slider at the 15 typed on the way, with nothing saying 150 would not be used.
 */
export function outOfRange(text: string | null, min = -Infinity, max = Infinity): boolean {
  if (text === null) return false;
  const v = readNumber(text);
  return typeof v === 'number' && (v < min || v > max);
}

/** True when typing `v` may apply it at once: inside min…max and whole for a whole-number field. */
export function appliesWhileTyping(v: number, min = -Infinity, max = Infinity, integer = true): boolean {
  return v >= min && v <= max && (!integer || Number.isInteger(v));
}

/** The value after Shift+↑ (dir 1) or Shift+↓ (−1): ten steps, clamped, without float noise ("0.1 + 0.2"). */
export function shiftStep(v: number, dir: 1 | -1, step = 1, min = -Infinity, max = Infinity, integer = true): number {
  return clampNumber(Number((v + dir * 10 * step).toFixed(10)), min, max, integer);
}

const show = (v: number | null) => (v === null ? '' : String(v));

export function NumberField({
  value,
  min,
  max,
  integer = true,
  allowEmpty = false,
  onValue,
  onBelowMin,
  onKeyDown,
  onFocus,
  onBlur,
  ...rest
}: NumberFieldProps) {
  // The typed text while the field has the focus (null: not editing, the field shows the value).
  const [text, setText] = useState<string | null>(null);
  const entered = useRef<number | null>(value);
  const latest = useRef(value);
  latest.current = value;

  const apply = (v: number | null) => {
    if (v !== latest.current) onValue(v);
  };
  /** Applies the typed text, clamped; unreadable text applies nothing. Then the field shows the value. */
  const commit = (el: HTMLInputElement) => {
    if (text !== null) {
      // A number input reports "" for text it cannot read ("40e", "-"): that is not "empty".
      const read = el.validity.badInput ? null : readNumber(el.value);
      if (read === 'empty') {
        if (allowEmpty) apply(null);
      } else if (read !== null) {
        if (min !== undefined && read < min) onBelowMin?.();
        apply(clampNumber(read, min, max, integer));
      }
    }
    setText(null);
  };

  return (
    <input
      {...rest}
      type="number"
      min={min}
      max={max}
      aria-invalid={outOfRange(text, min, max) || undefined}
      value={text ?? show(value)}
      onFocus={(e) => {
        entered.current = value;
        onFocus?.(e);
      }}
      onChange={(e) => {
        const el = e.currentTarget;
        setText(el.value);
        if (el.validity.badInput) return;
        const read = readNumber(el.value);
        if (read === 'empty') {
          if (allowEmpty) apply(null);
        } else if (read !== null && appliesWhileTyping(read, min, max, integer)) apply(read);
      }}
      onBlur={(e) => {
        commit(e.currentTarget);
        onBlur?.(e);
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (e.defaultPrevented) return;
        const arrow = e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : 0;
        if (arrow && e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
          // Shift+↑/↓ steps by 10 as in Photoshop's fields (the browser stepped by 1 with Shift too).
          e.preventDefault();
          const el = e.currentTarget;
          const read = el.validity.badInput ? null : readNumber(el.value);
          const next = shiftStep(typeof read === 'number' ? read : (latest.current ?? 0), arrow, Number(rest.step) || 1, min, max, integer);
          setText(String(next));
          apply(next);
          return;
        }
        if (e.key === 'Enter') {
          // Applied (on blur) and the keys are the editor's again: E, ], Ctrl+1, Esc act at once.
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setText(null);
          apply(entered.current);
          // Nothing typed is applied on the way out: the field shows the value it was entered with.
          e.currentTarget.value = show(entered.current);
          e.currentTarget.blur();
        }
      }}
    />
  );
}
