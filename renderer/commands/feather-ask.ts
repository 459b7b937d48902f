/**
 * Select › Modify › Feather… (Shift+F6, as in Photoshop): whether its dialog is open, and the radius
 * it offers (the last one applied, as Photoshop remembers it). With an empty mask there is nothing to
 * feather: a message says so and no dialog opens, as Refine edge and Zoom to mask say.
 */
import { create } from 'zustand';
import { useEditor } from './store/store';
import { documentMaskEmpty, featherCurrentMask } from './mask-commands';

export const useFeatherAsk = create<{ open: boolean; radius: number }>(() => ({ open: false, radius: 8 }));

export function askFeather(): void {
  const s = useEditor.getState();
  if (!s.doc) return;
  if (documentMaskEmpty()) {
    s.notify('info', 'The mask is empty: nothing to feather.');
    return;
  }
  useFeatherAsk.setState({ open: true });
}

/** Closes the dialog; with a radius, feathers the mask by it as one step ("Feather mask 8px", as the Mask panel's Feather). */
export function answerFeather(radius: number | null): void {
  useFeatherAsk.setState(radius === null ? { open: false } : { open: false, radius });
  if (radius !== null) void featherCurrentMask(radius);
}
