/**
 * The stage's pointer gestures: the active tool's drag, the hand (Space-drag, the middle button, the
 * Hand tool), a Space+Ctrl/Alt click that zooms, and the brush resize drag (brush-resize.ts) — and how
 * each ends when the browser takes the pointer away mid-drag (pointercancel: the window lost it, the
 * system took a pen or touch). No pointerup follows a cancel, so a pan went on following every later
 * move and a stroke stayed open until the next release. A cancel now ends each gesture as a release at
 * the last place the pointer was seen would: the pan stops, a stroke or a marquee is finished as drawn
 * (Esc still cancels one without a trace).
 */
import { useRef, useState, type RefObject } from 'react';
import { useEditor } from '../../commands/store/store';
import { toolFor } from '../tools/tool-registry';
import { noteMaskGesture } from '../../commands/engine-warm';
import type { LiveSurface, ToolPointer } from '../tools/tool-types';
import type { ToolId } from '../../commands/store/tools-slice';
import { screenPoint, screenToDoc } from '../../../shared/geometry/point';
import { moveBrushCursor } from './BrushCursor';
import { spaceClickZoom } from './space-zoom';
import { beginBrushResize, type BrushResizeDrag, cancelBrushResize, dragBrushResize } from './brush-resize';
import { beginZoomPress, releaseStep, scrubScale, type ZoomPress } from './zoom-tool';

interface StagePointerInput {
  wrapRef: RefObject<HTMLDivElement | null>;
  cursorRef: RefObject<HTMLDivElement | null>;
  live: LiveSurface;
  tool: ToolId;
  spaceDown: boolean;
  /** The tool's own cursor at the pointer (the extend tool's handles), when it changes. */
  onToolCursor: (cursor: string | null) => void;
}

export function useStagePointer({ wrapRef, cursorRef, live, tool, spaceDown, onToolCursor }: StagePointerInput) {
  /** A Space-zoom click: its moves and release are nobody's (no tool saw it go down). */
  const zoomClick = useRef(false);
  /** An Alt+right-drag (Ctrl+Alt-drag) sizing the brush: its moves and release are its own. */
  const resizing = useRef<BrushResizeDrag | null>(null);
  const [panning, setPanning] = useState(false);
  const panFrom = useRef<{ x: number; y: number } | null>(null);
  /** A press of the Zoom tool: a click zooms a step on release, a drag sideways scrubs (zoom-tool.ts). */
  const zoomPress = useRef<ZoomPress | null>(null);
  /** The tool's drag in progress, and where its pointer was last seen (a cancel ends it there). */
  const toolDrag = useRef<ToolPointer | null>(null);

  function toPointer(e: React.PointerEvent | React.MouseEvent): ToolPointer {
    const r = wrapRef.current!.getBoundingClientRect();
    const screen = screenPoint(e.clientX - r.left, e.clientY - r.top);
    return {
      doc: screenToDoc(screen, useEditor.getState()),
      screen,
      shift: e.shiftKey,
      alt: e.altKey,
      space: spaceDown,
      button: e.button,
      detail: e.detail,
      pressure: 'pressure' in e ? e.pressure : 0.5,
      pointerType: 'pointerType' in e ? e.pointerType : 'mouse',
    };
  }

  function onPointerDown(e: React.PointerEvent) {
    if (!useEditor.getState().doc) return;
    try {
      wrapRef.current!.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic or already-released pointers cannot be captured; painting still works.
    }
    const zoom = spaceDown && e.button === 0 ? spaceClickZoom(e) : 0;
    if (zoom) {
      const r = wrapRef.current!.getBoundingClientRect();
      useEditor.getState().zoomStep(zoom, { x: e.clientX - r.left, y: e.clientY - r.top });
      zoomClick.current = true;
      e.preventDefault();
      return;
    }
    resizing.current = spaceDown ? null : beginBrushResize(e);
    if (resizing.current) return moveBrushCursor(cursorRef.current, toPointer(e).screen); // the circle stays here
    if (tool === 'zoom' && e.button === 0 && !spaceDown) {
      const r = wrapRef.current!.getBoundingClientRect();
      const at = { x: e.clientX - r.left, y: e.clientY - r.top };
      zoomPress.current = beginZoomPress(at, e.clientX, useEditor.getState().scale, e.altKey);
      e.preventDefault();
      return;
    }
    if (e.button === 1 || spaceDown || tool === 'pan') {
      setPanning(true);
      panFrom.current = { x: e.clientX, y: e.clientY };
      e.preventDefault();
      return;
    }
    if (tool !== 'extend') noteMaskGesture(); // the offline engine warms up meanwhile (engine-warm.ts)
    const p = toPointer(e);
    toolDrag.current = p;
    toolFor(tool)?.down(p, live);
  }

  function onPointerMove(e: React.PointerEvent) {
    if (resizing.current) return dragBrushResize(resizing.current, e);
    const p = toPointer(e);
    moveBrushCursor(cursorRef.current, p.screen);
    if (zoomClick.current) return;
    if (zoomPress.current) {
      const next = scrubScale(zoomPress.current, e.clientX);
      if (next !== null) useEditor.getState().zoomTo(next, zoomPress.current.anchor);
      return;
    }
    if (panning && panFrom.current) {
      useEditor.getState().panBy(e.clientX - panFrom.current.x, e.clientY - panFrom.current.y);
      panFrom.current = { x: e.clientX, y: e.clientY };
      return;
    }
    if (toolDrag.current) toolDrag.current = p;
    const t = toolFor(tool);
    t?.move(p, live);
    onToolCursor(t?.cursor?.(p, live) ?? null);
  }

  /** Ends whatever the press started; `at`: where the release was (a cancel: where the pointer was last seen). */
  function end(at: () => ToolPointer | null) {
    if (resizing.current) {
      resizing.current = null;
      return;
    }
    if (zoomClick.current) {
      zoomClick.current = false;
      return;
    }
    if (zoomPress.current) {
      const press = zoomPress.current;
      zoomPress.current = null;
      const step = at() ? releaseStep(press) : 0;
      if (step) useEditor.getState().zoomStep(step, press.anchor);
      return;
    }
    if (panning || panFrom.current) {
      setPanning(false);
      panFrom.current = null;
      return;
    }
    const p = at();
    toolDrag.current = null;
    if (p) toolFor(tool)?.up(p, live);
  }

  return {
    panning,
    toPointer,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: (e: React.PointerEvent) => end(() => toPointer(e)),
      onPointerCancel: () => {
        cancelBrushResize(resizing, () => moveBrushCursor(cursorRef.current, null));
        // No tool drag open (the pointer went down elsewhere): nothing of the tool's to end. A Zoom
        // click the browser took away is no click (a scrub stays where it got to).
        end(() => (zoomPress.current ? null : toolDrag.current));
      },
    },
  };
}
