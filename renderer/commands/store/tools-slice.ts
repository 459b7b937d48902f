/** Active tool and its options (not part of the document; never in history). */
import type { StateCreator } from 'zustand';
import type { AspectPreset, ExtendAnchor } from '../../../shared/geometry';
import { ZERO_SIDES, type Sides } from '../../model/extend-logic';
import { DEFAULT_BAND_PX } from '../../model/extend-document';
import type { EditorStore } from './store';

export type ToolId = 'brush' | 'eraser' | 'rect' | 'ellipse' | 'lasso' | 'wand' | 'object' | 'colorRange' | 'pan' | 'zoom' | 'extend';
/** `intersect` (Shift+Alt, as in Photoshop) keeps only where the mask and the new selection overlap. */
export type SelectionMode = 'add' | 'subtract' | 'replace' | 'intersect';

export interface BrushSettings {
  /** Diameter in document pixels. */
  size: number;
  /** 0..1; 1 = hard edge. */
  hardness: number;
  /** 0..1. */
  opacity: number;
}

/**
 * The extend tool's pending proposal (never in history): pixels to add per side of the canvas it
 * was made on (`docId` + `base`); a proposal made on another document or canvas size is void.
 */
export interface ExtendDraft {
  sides: Sides;
  docId: string | null;
  base: { width: number; height: number } | null;
  /** The preset that produced `sides` (re-applied when the anchor changes); null after a manual edit. */
  preset: AspectPreset | null;
  anchor: ExtendAnchor;
  /** Overlap band into the original: masked on extension and blended by outpainting (px). */
  bandPx: number;
  /** The view before the proposal began (Esc gives it back if the tool's fits moved it); null: none. */
  viewBefore: ViewBeforeProposal | null;
}

export interface ViewBeforeProposal {
  docId: string;
  scale: number;
  offsetX: number;
  offsetY: number;
  fitted: boolean;
  fitMax: number;
  /** True once the tool fitted the proposal (moved the view). */
  moved: boolean;
}

export interface ToolsSlice {
  tool: ToolId;
  brush: BrushSettings;
  selectionMode: SelectionMode;
  extend: ExtendDraft;
  /** Which mask the brush and eraser paint: a layer's id (its layer mask) or null (the document mask). */
  maskTarget: string | null;
  setMaskTarget(layerId: string | null): void;
  /** The layer the Layers panel has selected (its actions' layer), for Ctrl+J and Ctrl+E; null without layers. */
  selectedLayer: string | null;
  setSelectedLayer(layerId: string | null): void;
  /** The layer a reopened project had selected: the Layers panel selects it when its layers show. */
  layerToSelect: string | null;
  setLayerToSelect(layerId: string | null): void;
  setTool(tool: ToolId): void;
  setBrush(patch: Partial<BrushSettings>): void;
  setSelectionMode(mode: SelectionMode): void;
  setExtend(patch: Partial<ExtendDraft>): void;
}

export const DEFAULT_EXTEND: ExtendDraft = {
  sides: ZERO_SIDES,
  docId: null,
  base: null,
  preset: null,
  anchor: 'centre',
  bandPx: DEFAULT_BAND_PX,
  viewBefore: null,
};

export const BRUSH_MIN = 1;
export const BRUSH_MAX = 2500;

export const createToolsSlice: StateCreator<EditorStore, [], [], ToolsSlice> = (set, get) => ({
  tool: 'brush',
  brush: { size: 60, hardness: 0.8, opacity: 1 },
  // New, as in Photoshop: a plain drag or click makes a new selection; Shift adds, Alt subtracts, both intersect.
  selectionMode: 'replace',
  extend: DEFAULT_EXTEND,
  maskTarget: null,
  setMaskTarget: (maskTarget) => set({ maskTarget }),
  selectedLayer: null,
  setSelectedLayer: (selectedLayer) => {
    if (get().selectedLayer !== selectedLayer) set({ selectedLayer });
  },
  layerToSelect: null,
  setLayerToSelect: (layerToSelect) => set({ layerToSelect }),
  // Leaving the extend tool drops its preview (the proposal never outlives the tool).
  setTool: (tool) =>
    set(tool === 'extend' ? { tool } : { tool, extend: { ...get().extend, sides: ZERO_SIDES, preset: null, viewBefore: null } }),
  setBrush: (patch) => {
    const b = { ...get().brush, ...patch };
    b.size = Math.round(Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, b.size)));
    b.hardness = Math.min(1, Math.max(0, b.hardness));
    b.opacity = Math.min(1, Math.max(0.01, b.opacity));
    set({ brush: b });
  },
  setSelectionMode: (selectionMode) => set({ selectionMode }),
  setExtend: (patch) => set({ extend: { ...get().extend, ...patch } }),
});

/** Photoshop-style bracket steps: finer for small brushes, coarser for big ones. */
export function nextBrushSize(size: number, dir: 1 | -1): number {
  const step = size < 10 ? 1 : size < 50 ? 5 : size < 100 ? 10 : size < 300 ? 25 : size < 1000 ? 50 : 100;
  return Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, size + dir * step));
}

/**
 * Shift+[ / Shift+]: the next 25 % stop below or above, as in Photoshop (100 → 75 → 50 → 25 → 0; from
 * 80 %, set on the slider, Shift+[ gives 75 % and Shift+] 100 %). It stepped 0.25 from wherever it was:
 * 80 → 55 → 80.
 */
export function nextHardness(hardness: number, dir: 1 | -1): number {
  const quarters = hardness * 4;
  const stop = dir < 0 ? Math.ceil(quarters - 1e-6) - 1 : Math.floor(quarters + 1e-6) + 1;
  return Math.min(1, Math.max(0, stop / 4));
}
