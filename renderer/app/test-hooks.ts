/**
 * Read-only probes for the e2e tests and the benchmark (`window.__maskworkTest`). They read state;
 * they never change the document, so exposing them in the app is harmless.
 */
import { getMaskValue, countMaskPixels, maskBounds } from '../../shared/mask';
import { getMask, maskCount } from '../blobs/blob-store';
import { useEditor } from '../store/store';

export function installTestHooks(): void {
  const hooks = {
    summary() {
      const s = useEditor.getState();
      return {
        hasDoc: !!s.doc,
        canvas: s.doc?.canvas ?? null,
        original: s.doc?.original ?? null,
        layers: s.doc?.layers.length ?? 0,
        historyLabels: s.past.map((p) => p.label),
        label: s.label,
        canRedo: s.future.length,
        tool: s.tool,
        scale: s.scale,
        offset: { x: s.offsetX, y: s.offsetY },
        toasts: s.toasts.map((t) => ({ tone: t.tone, message: t.message, kind: t.kind })),
        busy: s.busy,
        maskBlobs: maskCount(),
      };
    },
    maskValue(x: number, y: number): number {
      const doc = useEditor.getState().doc;
      return doc ? getMaskValue(getMask(doc.maskId), x, y) : -1;
    },
    maskPixels(): number {
      const doc = useEditor.getState().doc;
      return doc ? countMaskPixels(getMask(doc.maskId)) : 0;
    },
    maskBounds() {
      const doc = useEditor.getState().doc;
      return doc ? maskBounds(getMask(doc.maskId)) : null;
    },
    /** Document px → viewport (client) px of the stage element, for driving the mouse. */
    docToClient(x: number, y: number) {
      const s = useEditor.getState();
      const el = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
      return { x: el.left + x * s.scale + s.offsetX, y: el.top + y * s.scale + s.offsetY };
    },
  };
  Object.defineProperty(window, '__maskworkTest', { value: Object.freeze(hooks) });
}
