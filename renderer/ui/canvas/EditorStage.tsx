/**
 * The canvas: a Konva stage showing the canvas area, the original and accepted patches, and the mask
 * overlay; a screen-sized live canvas above it for gestures in progress. Pointer input goes to the
 * active tool; Space-drag and the middle button pan (Ctrl/⌘ or Alt with Space: a click zooms in or out
 * there); the wheel zooms about the cursor (Shift+wheel scrolls sideways).
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Stage, Layer, Group, Image as KonvaImage, Rect, Shape } from 'react-konva';
import type Konva from 'konva';
import { bitmapsVersion, getBitmap, getMask, subscribeBitmaps } from '../../commands/blob-store';
import { useEditor } from '../../commands/store/store';
import { wheelFactor, wheelPan, wheelZoom } from '../../commands/store/viewport-slice';
import { maskOverlayShown } from '../../commands/overlay-visibility';
import { toolFor, activeGesture } from '../tools/tool-registry';
import type { LiveSurface } from '../tools/tool-types';
import { hiddenPart, MaskOverlayPainter } from './mask-overlay';
import { liveHiddenPart } from './live-hidden';
import { BrushCursor, moveBrushCursor } from './BrushCursor';
import { registerStageAccess } from './stage-access';
import { StagedCandidateNode } from './StagedCandidateNode';
import { ExtendPreview } from './ExtendPreview';
import { FeatherBandOutline } from './FeatherBandOutline';
import { useWorkspaceView } from '../../commands/workspace-view';
import { ColorRangePreview } from '../ColorRangePreview';
import { checker } from './checker';
import { fieldOwnsKey } from '../keyboard/field-focus';
import { docPoint, docToScreen } from '../../../shared/geometry/point';
import { maskTargetLayer } from '../../model/layer-logic';
import { MaskTargetFrame, PatchNode } from './PatchNode';
import { pruneLayerCanvases } from './layer-display';
import { spaceClickZoom, spaceCursor } from './space-zoom';
import { zoomToolCursor } from './zoom-tool';
import { modeInEffect, selectionCursor, useHeldModifiers } from '../tools/held-modifiers';

/** The tools whose press Shift / Alt turn into add / subtract / intersect (the cursor shows which). */
const MARQUEE_TOOLS = new Set(['rect', 'ellipse', 'lasso', 'wand', 'object']);
import { useStagePointer } from './stage-pointer';
import { EmptyState } from './EmptyState';

export function EditorStage() {
  const wrapRef = useRef<HTMLDivElement>(null);
  const liveRef = useRef<HTMLCanvasElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const painter = useMemo(() => new MaskOverlayPainter(), []);
  const layerPainter = useMemo(() => new MaskOverlayPainter(), []);
  const doc = useEditor((s) => s.doc);
  const { scale, offsetX, offsetY, stageWidth, stageHeight } = useEditor(
    useShallow((s) => ({ scale: s.scale, offsetX: s.offsetX, offsetY: s.offsetY, stageWidth: s.stageWidth, stageHeight: s.stageHeight })),
  );
  const maskShown = useEditor(maskOverlayShown);
  const maskColor = useEditor((s) => s.maskColor);
  const maskOpacity = useEditor((s) => s.maskOpacity);
  const hidden = useEditor((s) => s.hiddenLayers);
  // Candidates staged, or an edit's first candidate shown ahead of its result.
  const staging = useEditor((s) => s.staging.items.length > 0 || !!s.job?.early);
  const maskTarget = useEditor((s) => maskTargetLayer(s.doc, s.maskTarget));
  const targetAt = doc && maskTarget ? doc.layers.indexOf(maskTarget) : -1;
  const split =
    targetAt >= 0 ? { target: targetAt, above: targetAt + 1 } : { target: doc?.layers.length ?? 0, above: doc?.layers.length ?? 0 };
  const [spaceDown, setSpaceDown] = useState(false);
  /** With Space held: Ctrl/⌘ (1) or Alt (-1) down too, so a click zooms (space-zoom.ts). */
  const [spaceZoom, setSpaceZoom] = useState<1 | -1 | 0>(0);
  const cursorRef = useRef<HTMLDivElement>(null);
  const tool = useEditor((s) => s.tool);
  const selectionMode = useEditor((s) => s.selectionMode);
  const held = useHeldModifiers();
  // Ctrl+H (Show Extras) hides the outlines; the overlay through its own setting (workspace-view.ts).
  const extrasHidden = useWorkspaceView((v) => v.extrasHidden);
  const [toolCursor, setToolCursor] = useState<string | null>(null);

  painter.setColor(maskColor);
  layerPainter.setColor(maskColor);

  // Stage follows the container size. When the window kept its size (the options bar or a panel
  // changed), the photo keeps its place on screen instead of being re-fitted: switching tools never
  // makes it jump.
  useEffect(() => {
    const el = wrapRef.current!;
    let last: { left: number; top: number; winW: number; winH: number } | null = null;
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect();
      const now = { left: r.left, top: r.top, winW: window.innerWidth, winH: window.innerHeight };
      const sameWindow = last !== null && r.width > 0 && r.height > 0 && last.winW === now.winW && last.winH === now.winH;
      const moved = sameWindow && last ? { dx: now.left - last.left, dy: now.top - last.top } : undefined;
      if (r.width > 0 && r.height > 0) last = now;
      useEditor.getState().setStageSize(Math.floor(r.width), Math.floor(r.height), moved);
      // The brush outline is placed in the stage's own pixels: with the stage moved or resized (Tab hid
      // the panels) it stood ~45 px off the pointer until the mouse moved. The next move shows it again.
      moveBrushCursor(cursorRef.current, null);
      const live = liveRef.current!;
      live.width = Math.floor(r.width);
      live.height = Math.floor(r.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => registerStageAccess(() => stageRef.current), []);

  useEffect(() => {
    // Space arms the hand, except in a text field, number field or select: there it types a space.
    const down = (e: KeyboardEvent) => {
      setSpaceZoom(spaceClickZoom(e));
      if (e.code === 'Space' && !fieldOwnsKey(e)) {
        setSpaceDown(true);
        e.preventDefault();
      }
    };
    const up = (e: KeyboardEvent) => {
      setSpaceZoom(spaceClickZoom(e));
      if (e.code === 'Space') setSpaceDown(false);
    };
    // Space let go in another window (Alt+Tab, a file dialog) sends no keyup here: the hand stayed
    // armed and the next drag panned instead of painting. Hold-Y is released the same way.
    const away = () => {
      setSpaceDown(false);
      setSpaceZoom(0);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', away);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', away);
    };
  }, []);

  const live: LiveSurface = useMemo(
    () => ({
      get ctx() {
        return liveRef.current!.getContext('2d')!;
      },
      clear() {
        const c = liveRef.current!;
        c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
      },
      toScreen: (x, y) => docToScreen(docPoint(x, y), useEditor.getState()),
      scale: () => useEditor.getState().scale,
    }),
    [],
  );

  const pointer = useStagePointer({
    wrapRef,
    cursorRef,
    live,
    tool,
    spaceDown,
    onToolCursor: (c) => c !== toolCursor && setToolCursor(c),
  });
  const { panning, toPointer } = pointer;

  function onWheel(e: React.WheelEvent) {
    if (!useEditor.getState().doc) return;
    const r = wrapRef.current!.getBoundingClientRect();
    const anchor = { x: e.clientX - r.left, y: e.clientY - r.top };
    const s = useEditor.getState();
    // Shift+wheel scrolls sideways, as in Photoshop (it zoomed); the wheel, Ctrl+ and Alt+wheel zoom.
    if (e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) s.panBy(-wheelPan(e), 0);
    else s.zoomTo(wheelZoom(s.scale, wheelFactor(e)), anchor);
  }

  // Escape cancels any gesture without a trace (handled here, in the capture phase, so it comes before
  // every shortcut); Enter/Backspace finish or edit a polygon. Keys typed into a field stay the field's.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const g = activeGesture();
      if (!g || fieldOwnsKey(e)) return;
      if (e.key === 'Escape') {
        g.cancel(live);
        e.stopPropagation();
        e.preventDefault();
      } else if (g.key?.(e.key, live)) {
        e.stopPropagation();
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [live]);

  // A gesture belongs to the document it was started on: another photo or project (Open… clicked
  // while a polygon was open, an undo back over an Open) cancels it, as Esc does. The polygon stayed
  // and Enter closed it on the new photo.
  const docId = doc?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the document's identity is what ends the gesture
  useEffect(() => {
    activeGesture()?.cancel(live);
  }, [live, docId]);

  // Another tool picked with the mouse (the toolbar; the tool keys wait while a polygon is open) ends
  // the gesture of the one before, as Esc does: a polygon stayed open under the brush, invisible but
  // for its lines, and held every key with "A lasso polygon is open".
  useEffect(() => {
    const g = activeGesture();
    if (g && g.id !== tool && g.betweenClicks?.()) g.cancel(live);
  }, [live, tool]);

  // A gesture waiting between clicks (a polygon) follows the view: zoom keys, the wheel, a Space-drag
  // or a resized stage (which clears the live canvas) redraw it where its points now are.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view and stage size are what trigger the redraw
  useEffect(() => {
    activeGesture()?.redraw?.(live);
  }, [live, scale, offsetX, offsetY, stageWidth, stageHeight]);

  useEffect(() => {
    // Layers the document no longer has (undo brings them back: their canvas is rebuilt then).
    if (doc) pruneLayerCanvases(new Set(doc.layers.map((l) => l.id)));
  }, [doc]);
  useSyncExternalStore(subscribeBitmaps, bitmapsVersion); // redraw when a bitmap is replaced (preview → full)
  const original = doc ? getBitmap(doc.original.assetId) : undefined;
  // Device pixels per document pixel: how much of a patch's resolution the view shows.
  const need = scale * (window.devicePixelRatio || 1);
  const visibleDoc = { x: -offsetX / scale, y: -offsetY / scale, width: stageWidth / scale, height: stageHeight / scale };
  const cursor = panning
    ? 'grabbing'
    : spaceDown
      ? spaceCursor(spaceZoom)
      : tool === 'pan'
        ? 'grab'
        : tool === 'zoom'
          ? zoomToolCursor(spaceZoom < 0)
          : tool === 'brush' || tool === 'eraser'
            ? 'none'
            : MARQUEE_TOOLS.has(tool)
              ? selectionCursor(modeInEffect(selectionMode, held))
              : (tool === 'extend' && toolCursor) || (tool === 'extend' ? 'default' : 'crosshair');

  return (
    <div
      ref={wrapRef}
      className="stage-wrap"
      data-testid="stage"
      style={{ cursor }}
      {...pointer.handlers}
      onPointerLeave={() => moveBrushCursor(cursorRef.current, null)}
      onDoubleClick={(e) => !spaceDown && toolFor(tool)?.dblclick?.(toPointer(e), live)}
      onWheel={onWheel}
      onContextMenu={(e) => e.preventDefault()}
    >
      <Stage ref={stageRef} width={stageWidth} height={stageHeight} scaleX={scale} scaleY={scale} x={offsetX} y={offsetY} listening={false}>
        <Layer name="picture" listening={false} imageSmoothingEnabled={scale < 2}>
          {doc && (
            <Rect
              name="canvas-area"
              x={0}
              y={0}
              width={doc.canvas.width}
              height={doc.canvas.height}
              fillPatternImage={checker() as unknown as HTMLImageElement}
              fillPatternScaleX={1 / scale}
              fillPatternScaleY={1 / scale}
            />
          )}
          {doc && original && !hidden.original && (
            <KonvaImage
              name="original"
              image={original}
              x={doc.original.x}
              y={doc.original.y}
              width={doc.original.width}
              height={doc.original.height}
            />
          )}
          {doc?.layers.slice(0, split.target).map((l) => (
            <PatchNode key={l.id} layer={l} need={need} />
          ))}
        </Layer>
        {/* The layer whose mask is painted, and the layers above it, get their own canvases: a live
            stroke then redraws one patch, not the photo and every other layer. */}
        <Layer name="picture-target" listening={false} imageSmoothingEnabled={scale < 2}>
          {doc?.layers.slice(split.target, split.above).map((l) => (
            <PatchNode key={l.id} layer={l} need={need} target />
          ))}
        </Layer>
        <Layer name="picture-above" listening={false} imageSmoothingEnabled={scale < 2}>
          {doc?.layers.slice(split.above).map((l) => (
            <PatchNode key={l.id} layer={l} need={need} />
          ))}
        </Layer>
        {/* Its own layer: staging a candidate redraws it alone, not the photo and its kept patches. */}
        <Layer name="staged-layer" listening={false} imageSmoothingEnabled={scale < 2}>
          {doc && <StagedCandidateNode scale={scale} />}
        </Layer>
        {/* The mask overlay and the guides, in one canvas (a Konva layer is a canvas the size of the view
            at the screen's pixel ratio, ≈ 24 MB each on a 4K screen: there were nine). They redraw
            together: the overlay draws its cached tiles, the guides are outlines and a frame (and the
            colour-range preview while Select is open), and most changes redraw both anyway. */}
        <Layer name="guides" listening={false}>
          {/* The mask overlay hides itself while candidates are staged, so they can be judged. While a
              layer mask is painted it shows that mask (where it hides the layer), not the document mask. */}
          <Group name="mask-overlay-group" visible={maskShown && !!doc}>
            {doc && !maskTarget && (
              <Shape
                name="mask-overlay"
                maskId={doc.maskId}
                sceneFunc={(ctx) => {
                  painter.paint(ctx._context, getMask(doc.maskId), maskOpacity, visibleDoc, scale);
                }}
              />
            )}
            {doc && maskTarget && (
              <Shape
                name="layer-mask-overlay"
                maskId={maskTarget.maskId}
                sceneFunc={(ctx) => {
                  // While a stroke paints the mask, the mask as the stroke leaves it so far (live-hidden.ts).
                  const hidden =
                    liveHiddenPart(maskTarget.id, maskTarget.maskId) ?? (maskTarget.maskId ? hiddenPart(maskTarget.maskId) : null);
                  if (!hidden) return;
                  const c = ctx._context;
                  c.save();
                  c.translate(maskTarget.x, maskTarget.y);
                  const { x, y, width, height } = visibleDoc;
                  layerPainter.paint(c, hidden, maskOpacity, { x: x - maskTarget.x, y: y - maskTarget.y, width, height }, scale);
                  c.restore();
                }}
              />
            )}
          </Group>
          {/* The band Generate will touch, shown even with the overlay hidden (not while candidates are judged). */}
          <Group name="feather-band" visible={!!doc && !staging && !extrasHidden}>
            {doc && <FeatherBandOutline scale={scale} />}
          </Group>
          <Group name="range-preview-group">{doc && <ColorRangePreview />}</Group>
          <Group name="mask-target" visible={!!maskTarget && !staging && !extrasHidden}>
            {maskTarget && <MaskTargetFrame layer={maskTarget} scale={scale} />}
          </Group>
          <Group name="extend-preview">{doc && <ExtendPreview scale={scale} />}</Group>
        </Layer>
      </Stage>
      <canvas ref={liveRef} className="live-canvas" />
      {doc && (tool === 'brush' || tool === 'eraser') && !panning && !spaceDown && <BrushCursor ref={cursorRef} />}
      {!doc && <EmptyState />}
    </div>
  );
}
