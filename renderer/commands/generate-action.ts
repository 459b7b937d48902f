/**
 * The one Generate (button and Ctrl/⌘ Enter): on a mask that reaches into an unfilled canvas
 * extension it runs the tiled outpaint plan, otherwise a masked edit.
 */
import type { EditorStore } from './store/store';
import { useEditor } from './store/store';
import { currentEstimate, generateBlocker } from './current-estimate';
import { generate } from './app-job-client';
import { generateOutpaint, outpaintBlocker, outpaintMode } from './outpaint-client';
import { generateMulti, multiGenerateBlocker } from '../commands/multi-generate';
import { sayJobRunning } from './busy-hint';

export function generateAny(): Promise<void> {
  const s = useEditor.getState();
  // A job runs: nothing is queued, and the message says how to stop it (it said nothing).
  if (sayJobRunning(s)) return Promise.resolve();
  if (outpaintMode(s)) return generateOutpaint();
  return s.gen.multiOn ? generateMulti() : generate();
}

/** Why Generate cannot run now (for the mode it is in), or null. */
export function anyBlocker(s: EditorStore): string | null {
  if (outpaintMode(s)) return outpaintBlocker(s);
  return s.gen.multiOn ? multiGenerateBlocker(s) : generateBlocker(s, currentEstimate(s));
}
