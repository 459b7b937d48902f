/**
 * Read-only probes for the e2e tests and the benchmark (`window.__maskworkTest`). They read state;
 * they never change the document, so exposing them in the app is harmless.
 */
import { partialViews } from '../commands/partial-show';
import { layerVisible } from '../../shared/document/schema';
import { bandOutline, getMaskValue, countMaskPixels, maskBounds, maskToArray } from '../../shared/mask';
import { bandRadius } from './canvas/FeatherBandOutline';
import { bitmapCrop, bitmapLevels, getBitmap, getMask, maskCount, setFullKeepBytes } from '../commands/blob-store';
import { useEditor } from '../commands/store/store';
import { currentEstimate } from '../commands/current-estimate';
import { totalCost } from '../model/version-logic';
import { extendProposal } from '../commands/canvas-commands';
import { currentOutpaintEstimate } from '../commands/outpaint-client';
import { lastPreparation } from '../commands/outpaint-prepare';
import { lastEngineWarm } from '../commands/engine-warm';
import { autosaveStatus } from '../commands/autosave';
import { getStage } from './canvas/stage-access';
import { editTracer } from '../commands/edit-trace';
import { rangePreview } from '../commands/select-commands';
import { selectTraces } from '../commands/select-trace';
import { hasUnsavedChanges } from '../commands/project-commands';
import { maskOverlayShown } from '../commands/overlay-visibility';

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
        futureLabels: s.future.map((f) => f.label),
        project: s.project ? { name: s.project.name, path: s.project.path } : null,
        unsaved: hasUnsavedChanges(),
        label: s.label,
        canRedo: s.future.length,
        tool: s.tool,
        scale: s.scale,
        offset: { x: s.offsetX, y: s.offsetY },
        fitted: s.fitted,
        // The dock height the view works with (a fit leaves it): set once the dock has laid out.
        dockHeight: s.dockHeight,
        toasts: s.toasts.map((t) => ({ tone: t.tone, message: t.message, kind: t.kind })),
        busy: s.busy,
        maskBlobs: maskCount(),
        maskVisible: s.maskVisible,
        // What is drawn: the setting, and over staged candidates only when asked for.
        maskShown: maskOverlayShown(s),
        brush: s.brush,
        prompt: s.gen.prompt,
      };
    },
    /** The kept layers' records (asset id, place, size), read-only. */
    docLayers() {
      return (useEditor.getState().doc?.layers ?? []).map((l) => ({ ...l }));
    },
    /** Timing spans of the last edits (keypress → candidate on screen), oldest first. */
    editTimings() {
      return editTracer.traces().map((t) => ({ ...t, spans: t.spans.map((x) => ({ ...x })) }));
    },
    /** Timing spans of the last selection jobs (start → result on screen), oldest first. */
    selectTimings() {
      return selectTraces();
    },
    /** How many edits have reached the screen since start (`editTimings()` keeps only the last 50). */
    editsShown(): number {
      return editTracer.shownCount();
    },
    /**
     * The running edit's partial image drawn on the canvas: how many so far and where (null when none
     * is shown); `regions`: every one drawn (one per area of an edit in areas).
     */
    partialShown() {
      const job = useEditor.getState().job;
      const vs = partialViews().filter((v) => v.jobId === job?.jobId);
      return job?.partialShown && vs.length
        ? { count: job.partialShown, region: { ...vs[0].region }, regions: vs.map((v) => ({ ...v.region })) }
        : null;
    },
    maskValue(x: number, y: number): number {
      const doc = useEditor.getState().doc;
      return doc ? getMaskValue(getMask(doc.maskId), x, y) : -1;
    },
    maskPixels(): number {
      const doc = useEditor.getState().doc;
      return doc ? countMaskPixels(getMask(doc.maskId)) : 0;
    },
    /** The whole mask at full resolution (row-major values), for small test photos. */
    maskValues(): number[] {
      const doc = useEditor.getState().doc;
      return doc ? Array.from(maskToArray(getMask(doc.maskId))) : [];
    },
    /** The dashed band outline the canvas draws: its radius and the bounds of its segments (null without a mask). */
    featherBand() {
      const s = useEditor.getState();
      if (!s.doc) return null;
      const radius = bandRadius(s);
      const out = bandOutline(getMask(s.doc.maskId), radius);
      if (!out) return null;
      const xs = out.segments.filter((_, i) => i % 2 === 0);
      const ys = out.segments.filter((_, i) => i % 2 === 1);
      return { radius, cell: out.cell, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    },
    /** True when the stage holds the band outline node and it is shown. */
    featherBandDrawn(): boolean {
      const node = getStage()?.findOne('.feather-band');
      return !!node && node.isVisible();
    },
    /** The colour range preview: its size and the fraction of it that would be selected, or null. */
    rangePreview() {
      const p = rangePreview();
      return p ? { width: p.width, height: p.height, selected: p.selected, drawn: !!getStage()?.findOne('.range-preview') } : null;
    },
    selectSettings() {
      const { select, selecting } = useEditor.getState();
      return { ...select, selecting };
    },
    maskBounds() {
      const doc = useEditor.getState().doc;
      return doc ? maskBounds(getMask(doc.maskId)) : null;
    },
    /** Staged candidates (in strip order) and the selected index (-1 when nothing is staged). */
    staging() {
      const { staging, compare } = useEditor.getState();
      return {
        items: staging.items.map((c) => ({
          index: c.index,
          key: c.key,
          jobId: c.jobId,
          model: c.model,
          assetId: c.assetId,
          region: { ...c.region },
          costUsd: c.costUsd,
          seconds: c.seconds,
          extension: c.extension,
        })),
        selected: staging.selected,
        compare: { ...compare },
      };
    },
    /** The running job, or null. */
    job() {
      const j = useEditor.getState().job;
      return j
        ? {
            jobId: j.jobId,
            kind: j.kind,
            model: j.model,
            prompt: j.prompt,
            startedAt: j.startedAt,
            fraction: j.fraction,
            stage: j.stage,
            previews: Object.keys(j.previews).map(Number),
            cancelling: j.cancelling,
          }
        : null;
    },
    /** The document's versions (oldest first). */
    versions() {
      const doc = useEditor.getState().doc;
      return (doc?.versions ?? []).map((v) => ({
        id: v.id,
        layerId: v.layerId,
        model: v.model,
        prompt: v.prompt,
        requestSize: { ...v.requestSize },
        region: { ...v.region },
        costUsd: v.costUsd,
        seconds: v.seconds,
        requestId: v.requestId,
        createdAt: v.createdAt,
        layersAfter: v.layersAfter?.map((l) => l.id) ?? null,
      }));
    },
    /** Kept versions' total and everything received this session for the open document (USD). */
    costs() {
      const s = useEditor.getState();
      return { keptUsd: totalCost(s.doc?.versions ?? []), sessionUsd: s.doc ? (s.spentUsd[s.doc.id] ?? 0) : 0 };
    },
    /** The Generate panel's current estimate, or its error (null without a document). */
    estimate() {
      const e = currentEstimate(useEditor.getState());
      if (!e) return null;
      return e.ok
        ? {
            usd: e.usd,
            request: { ...e.request },
            region: { ...e.region },
            ...(e.frame ? { frame: { ...e.frame } } : {}),
            text: e.costText,
            size: e.sizeText,
            ...(e.areas ? { areas: e.areas.map((a) => ({ region: { ...a.region }, request: { ...a.request } })) } : {}),
            basis: e.basis,
          }
        : { error: e.error, code: e.code };
    },
    /** The extend tool's proposal: the new canvas and where the original lands in it, or null. */
    extendPreview() {
      const p = extendProposal(useEditor.getState());
      return p ? { canvas: { ...p.canvas }, originalAt: { ...p.originalAt } } : null;
    },
    /** Generate on an extension (outpaint): requests and USD for the chosen model, or why it cannot run (null without a document). */
    outpaintEstimate() {
      const e = currentOutpaintEstimate(useEditor.getState());
      if (!e) return null;
      return e.ok ? { requests: e.requests, tiles: e.tiles, usd: e.usd, text: e.text } : { error: e.error };
    },
    /** The outpaint main was last asked to prepare before Generate (model, canvas), or null. */
    outpaintPreparation() {
      return lastPreparation();
    },
    /** Main's last answer to `engine:warm` (a warm offline-engine worker before Generate), or null. */
    engineWarm() {
      return lastEngineWarm();
    },
    /** Patch layers, bottom to top. */
    layerList() {
      const s = useEditor.getState();
      return (s.doc?.layers ?? []).map((l) => ({ ...l, hidden: !layerVisible(l) }));
    },
    /** The opacity the stage draws a kept layer with (its node's), or null when it is not drawn. */
    drawnOpacity(layerId: string): number | null {
      const node = getStage()?.findOne(`.patch-${layerId}`);
      return node ? node.opacity() : null;
    },
    /** A kept layer's layer mask at full resolution (row-major values, 255 = shown), or null without one. */
    layerMaskValues(layerId: string): number[] | null {
      const l = useEditor.getState().doc?.layers.find((x) => x.id === layerId);
      return l?.maskId ? Array.from(maskToArray(getMask(l.maskId))) : null;
    },
    /** Autosave progress: completed saves, last save time and document, pending work, last error. */
    autosave() {
      return autosaveStatus();
    },
    /** The full-resolution and reduced bitmaps held for an asset (sizes, or null). */
    bitmapLevels(assetId: string) {
      return bitmapLevels(assetId);
    },
    /** Test setting: bytes of full-resolution patch bitmaps kept beyond what the view needs (default 64 MB). */
    setFullKeepBytes(bytes: number) {
      setFullKeepBytes(bytes);
    },
    /** Size of the decoded bitmap held for an asset, or null when none is held. */
    bitmapSize(assetId: string) {
      const b = getBitmap(assetId);
      return b ? { width: b.width, height: b.height } : null;
    },
    /** RGBA of one pixel of a decoded bitmap as the stage draws it (orientation applied). */
    bitmapPixel(assetId: string, x: number, y: number): number[] | null {
      const b = getBitmap(assetId);
      if (!b) return null;
      // A patch kept decoded only where it is not transparent: outside that part it is transparent.
      const crop = bitmapCrop(assetId);
      if (crop) {
        x -= crop.x;
        y -= crop.y;
        if (x < 0 || y < 0 || x >= b.width || y >= b.height) return [0, 0, 0, 0];
      }
      const c = new OffscreenCanvas(1, 1);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(b, x, y, 1, 1, 0, 0, 1, 1);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data);
    },
    /**
     * Alpha of the mask overlay as drawn inside a rect of stage px (rows of the overlay layer's
     * device pixels, flattened), or null when the overlay is not on screen.
     */
    overlayAlpha(x: number, y: number, width: number, height: number): { width: number; height: number; alpha: number[] } | null {
      const layer = getStage()?.findOne('.mask-overlay')?.getLayer();
      if (!layer?.isVisible()) return null;
      const ratio = layer.getCanvas().getPixelRatio();
      const canvas = layer.getCanvas()._canvas as HTMLCanvasElement;
      const w = Math.round(width * ratio);
      const h = Math.round(height * ratio);
      const data = canvas.getContext('2d')!.getImageData(Math.round(x * ratio), Math.round(y * ratio), w, h).data;
      const alpha: number[] = [];
      for (let i = 3; i < data.length; i += 4) alpha.push(data[i]);
      return { width: w, height: h, alpha };
    },
    /**
     * RGB of what the stage shows at document px x,y: the picture layers (photo and kept layers,
     * the painted layer's own canvas, the layers above it, then a staged candidate's layer) read at
     * that point and composited over each other as the browser composites them. Null without a document.
     */
    stagePixel(x: number, y: number): number[] | null {
      const stage = getStage();
      const s = useEditor.getState();
      if (!stage || !s.doc) return null;
      let rgb = [0, 0, 0];
      for (const name of ['.picture', '.picture-target', '.picture-above', '.staged-layer']) {
        const layer = stage.findOne(name)?.getLayer();
        if (!layer?.isVisible()) continue;
        const ratio = layer.getCanvas().getPixelRatio();
        const canvas = layer.getCanvas()._canvas as HTMLCanvasElement;
        const px = Math.floor((x * s.scale + s.offsetX) * ratio);
        const py = Math.floor((y * s.scale + s.offsetY) * ratio);
        const d = canvas.getContext('2d')!.getImageData(px, py, 1, 1).data;
        const a = d[3] / 255;
        rgb = rgb.map((c, i) => c * (1 - a) + d[i] * a);
      }
      return rgb.map(Math.round);
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
