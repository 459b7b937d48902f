/**
 * The prompt's lists (Prompt preset, Recent prompts) worked with the keys: ↑/↓, Home/End,
 * PageUp/PageDown and a typed letter move a preview through the list; only Enter (or a pick in the
 * opened list, or a click) puts a choice in the prompt box, and Esc drops the preview. A closed
 * select changed its value on ↓ and the change replaced the prompt typed a moment before.
 *
 * Also the pick's own undo: Ctrl/Cmd+Z on those lists gives back the prompt a pick replaced (the
 * text's undo, not the document's). Pure: no store, no DOM.
 */

/** One row of a list, in the order shown (optgroups flattened). */
export interface PickOption {
  readonly value: string;
  readonly label: string;
}

/** The keys that move the preview. */
const MOVES = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** How far PageUp/PageDown move, as a closed select's list does about a page. */
const PAGE = 10;

/** True for a key that moves the preview: the moving keys and a typed letter (type-ahead). */
export function movesPreview(key: string): boolean {
  return MOVES.has(key) || (key.length === 1 && key !== ' ');
}

/**
 * The value a key moves the preview to, from `current` (the previewed or the chosen value); null
 * when the key moves nothing. A typed letter goes to the next row whose label starts with it.
 */
export function stepPick(options: readonly PickOption[], current: string, key: string): string | null {
  if (!options.length) return null;
  const at = Math.max(
    0,
    options.findIndex((o) => o.value === current),
  );
  const last = options.length - 1;
  const to = (i: number) => options[Math.min(last, Math.max(0, i))]?.value ?? null;
  switch (key) {
    case 'ArrowDown':
      return to(at + 1);
    case 'ArrowUp':
      return to(at - 1);
    case 'Home':
      return to(0);
    case 'End':
      return to(last);
    case 'PageDown':
      return to(at + PAGE);
    case 'PageUp':
      return to(at - PAGE);
  }
  if (key.length !== 1 || key === ' ') return null;
  const letter = key.toLowerCase();
  for (let k = 1; k <= options.length; k++) {
    const o = options[(at + k) % options.length];
    if (o?.label.trim().toLowerCase().startsWith(letter)) return o.value;
  }
  return null;
}

/** What a pick changes: the prompt box and the preset chosen. */
export interface PromptState {
  readonly prompt: string;
  readonly presetId: string | null;
}

/** The last pick from a prompt list, for its undo and redo. */
export interface PickRecord {
  readonly before: PromptState;
  readonly after: PromptState;
  readonly undone: boolean;
}

const same = (a: PromptState, b: PromptState) => a.prompt === b.prompt && a.presetId === b.presetId;

/**
 * Ctrl/Cmd+Z (`redo` false) or Ctrl/Cmd+Shift+Z / Ctrl+Y (`redo` true) on a prompt list: the state to
 * put back and the record after it, or null when there is nothing to undo (no pick, or the prompt
 * was changed since — the typing's own undo is the prompt box's).
 */
export function undoPick(rec: PickRecord | null, now: PromptState, redo: boolean): { set: PromptState; rec: PickRecord } | null {
  if (!rec || rec.undone !== redo) return null;
  if (!same(now, redo ? rec.before : rec.after)) return null;
  return { set: redo ? rec.after : rec.before, rec: { ...rec, undone: !redo } };
}
