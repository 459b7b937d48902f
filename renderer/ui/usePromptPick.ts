/**
 * A prompt list (Prompt preset, Recent prompts) that previews before it replaces (prompt-pick.ts):
 * on the closed select ↑/↓, Home/End, PageUp/PageDown and letters move a preview (shown under the
 * lists, the prompt box untouched), Enter takes it, Esc or leaving the list drops it. A pick in the
 * opened list (mouse or keys) is taken at once, as before. Ctrl/Cmd+Z there undoes the last pick
 * (the list is marked TEXT_KEYS, so the document's undo leaves it alone: field-focus.ts).
 */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { type PickOption, type PickRecord, type PromptState, movesPreview, stepPick, undoPick } from '../model/prompt-pick';
import { useEditor } from '../commands/store/store';

/** The last pick from either list (one undo step, shared: the prompt box is one). */
let lastPick: PickRecord | null = null;

const promptState = (): PromptState => {
  const g = useEditor.getState().gen;
  return { prompt: g.prompt, presetId: g.presetId };
};

/** Runs `pick` (which changes the prompt box or the preset) and records it for Ctrl/Cmd+Z. */
export function recordPick(pick: () => void): void {
  const before = promptState();
  pick();
  const after = promptState();
  if (after.prompt !== before.prompt || after.presetId !== before.presetId) lastPick = { before, after, undone: false };
}

export interface PromptPick {
  /** The value the select shows: the preview, else the choice. */
  value: string;
  /** The previewed row, null without one. */
  preview: string | null;
  onKeyDown(e: KeyboardEvent<HTMLSelectElement>): void;
  onBlur(): void;
  onPointerDown(): void;
  /** The opened list's pick (or a click): taken at once. */
  onPick(value: string): void;
}

export function usePromptPick(options: readonly PickOption[], chosen: string, take: (value: string) => void): PromptPick {
  const [preview, setPreview] = useState<string | null>(null);
  const apply = (v: string) => {
    setPreview(null);
    recordPick(() => take(v));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>) => {
    const k = e.key;
    if (e.ctrlKey || e.metaKey) {
      // As the document's: Ctrl+Z (and Ctrl+Alt+Z) undo, Ctrl+Shift+Z and Ctrl+Y redo.
      const undo = !e.shiftKey && e.code === 'KeyZ';
      const redo = (e.shiftKey && e.code === 'KeyZ') || e.code === 'KeyY';
      if (!undo && !redo) return;
      // The text's undo: never the browser's (it undid typing in the prompt box) nor the document's.
      e.preventDefault();
      if (preview !== null) {
        if (undo) setPreview(null);
        return;
      }
      const r = undoPick(lastPick, promptState(), redo);
      if (!r) return;
      lastPick = r.rec;
      useEditor.getState().setGen(r.set);
      return;
    }
    if (e.altKey || k === ' ' || k === 'F4') {
      // Opens the list: it opens on the choice, the preview dropped.
      setPreview(null);
      return;
    }
    if (k === 'Enter' && preview !== null) {
      e.preventDefault();
      apply(preview);
      return;
    }
    if (k === 'Escape' && preview !== null) {
      e.preventDefault();
      setPreview(null);
      return;
    }
    if (!movesPreview(k) || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const to = stepPick(options, preview ?? chosen, k);
    if (to !== null) setPreview(to === chosen ? null : to);
  };
  return {
    value: preview ?? chosen,
    preview,
    onKeyDown,
    onBlur: () => setPreview(null),
    onPointerDown: () => setPreview(null),
    onPick: apply,
  };
}
