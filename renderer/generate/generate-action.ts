/**
 * The one Generate (button and Ctrl/⌘ Enter): on a mask that reaches into an unfilled canvas
 * extension it runs the tiled outpaint plan, otherwise a masked edit.
 */
import type { EditorStore } from '../store/store';
import { useEditor } from '../store/store';
import { currentEstimate, generateBlocker } from './current-estimate';
import { generate } from './job-client';
import { generateOutpaint, outpaintBlocker, outpaintMode } from './outpaint-client';

export function generateAny(): Promise<void> {
  return outpaintMode(useEditor.getState()) ? generateOutpaint() : generate();
}

/** Why Generate cannot run now (for the mode it is in), or null. */
export function anyBlocker(s: EditorStore): string | null {
  return outpaintMode(s) ? outpaintBlocker(s) : generateBlocker(s, currentEstimate(s));
}
