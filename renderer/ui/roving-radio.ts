/**
 * The ARIA radio group's keys, for a row of buttons that is one control (the extend tool's Anchor,
 * the selection tools' New / Add / Subtract / Intersect): one Tab stop — the checked one (a roving
 * tabindex) — ←/↑ and →/↓ move the choice (wrapping), Home and End jump to the ends. The focus follows
 * the choice. fieldOwnsKey gives a focused radio those keys, so window shortcuts leave them alone.
 */
import { useRef } from 'react';

/** The id a key moves to from `at` in `ids`, or null for a key the group does not take. */
export function radioAfterKey<T>(ids: readonly T[], at: T, key: string): T | null {
  const i = ids.indexOf(at);
  const last = ids.length - 1;
  const next: Record<string, number> = {
    ArrowRight: i >= last ? 0 : i + 1,
    ArrowDown: i >= last ? 0 : i + 1,
    ArrowLeft: i <= 0 ? last : i - 1,
    ArrowUp: i <= 0 ? last : i - 1,
    Home: 0,
    End: last,
  };
  return Object.hasOwn(next, key) ? ids[next[key]] : null;
}

/** `onKeyDown` for the group and `radio(id)`, the props that make each button one of its radios. */
export function useRovingRadios<T extends string>(ids: readonly T[], checked: T, choose: (id: T) => void) {
  const refs = useRef(new Map<T, HTMLElement>());
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const to = radioAfterKey(ids, checked, e.key);
    if (to === null) return;
    e.preventDefault();
    choose(to);
    refs.current.get(to)?.focus();
  };
  const radio = (id: T) => ({
    role: 'radio' as const,
    'aria-checked': checked === id,
    tabIndex: checked === id ? 0 : -1,
    ref: (el: HTMLElement | null) => {
      if (el) refs.current.set(id, el);
      else refs.current.delete(id);
    },
  });
  return { onKeyDown, radio };
}
