/**
 * Messages about the staged candidates go when the candidates go. "No candidate reads 'Car Park'
 * right…" stayed over an empty strip after Esc discarded the candidate it was about (for the rest
 * of its 5 s); so did "look before you keep them" and "Press Esc again to discard them". They are
 * sent with `notifyAboutStaged`; once the strip is empty (Keep, Discard all, Esc, the step it was on
 * undone) they are dropped.
 */
import { useEditor } from './store/store';

export function installStagedMessages(): () => void {
  return useEditor.subscribe((s, prev) => {
    if (s.staging.items.length === 0 && prev.staging.items.length > 0) s.dropStagedMessages();
  });
}
