/**
 * Warms the select worker ahead of the first selection: when a selection tool that runs in the
 * worker is chosen (object select, magic wand, colour range), or another photo opens while one is
 * chosen, or its full-resolution decode replaces the preview, the worker is started and given the
 * source at once — while the user drags the rectangle — instead of after the mouse-up.
 */
import { subscribeBitmaps } from './blob-store';
import { warmSelectWorker } from './select-client';
import { useEditor } from './store/store';
import type { ToolId } from './store/tools-slice';

const WORKER_TOOLS: ReadonlySet<ToolId> = new Set<ToolId>(['object', 'wand', 'colorRange']);

export function installSelectWarmUp(): () => void {
  const offStore = useEditor.subscribe((s, prev) => {
    if (!s.doc || !WORKER_TOOLS.has(s.tool)) return;
    if (s.tool !== prev.tool || s.doc.id !== prev.doc?.id || s.select.sample !== prev.select.sample) warmSelectWorker(s.select.sample);
  });
  // A bitmap arrived (the full decode of the photo, a kept layer): the worker's copy may be stale.
  // Nothing is sent when the source it holds is still the same.
  const offBitmaps = subscribeBitmaps(() => {
    const s = useEditor.getState();
    if (s.doc && WORKER_TOOLS.has(s.tool) && !s.selecting) warmSelectWorker(s.select.sample);
  });
  return () => {
    offStore();
    offBitmaps();
  };
}
