/** Active tool and its options (not part of the document; never in history). */
import type { StateCreator } from 'zustand';
import type { EditorStore } from './store';

export type ToolId = 'brush' | 'eraser' | 'rect' | 'lasso' | 'pan';
export type SelectionMode = 'add' | 'subtract' | 'replace';

export interface BrushSettings {
  /** Diameter in document pixels. */
  size: number;
  /** 0..1; 1 = hard edge. */
  hardness: number;
  /** 0..1. */
  opacity: number;
}

export interface ToolsSlice {
  tool: ToolId;
  brush: BrushSettings;
  selectionMode: SelectionMode;
  setTool(tool: ToolId): void;
  setBrush(patch: Partial<BrushSettings>): void;
  setSelectionMode(mode: SelectionMode): void;
}

export const BRUSH_MIN = 1;
export const BRUSH_MAX = 2500;

export const createToolsSlice: StateCreator<EditorStore, [], [], ToolsSlice> = (set, get) => ({
  tool: 'brush',
  brush: { size: 60, hardness: 0.8, opacity: 1 },
  selectionMode: 'add',
  setTool: (tool) => set({ tool }),
  setBrush: (patch) => {
    const b = { ...get().brush, ...patch };
    b.size = Math.round(Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, b.size)));
    b.hardness = Math.min(1, Math.max(0, b.hardness));
    b.opacity = Math.min(1, Math.max(0.01, b.opacity));
    set({ brush: b });
  },
  setSelectionMode: (selectionMode) => set({ selectionMode }),
});

/** Photoshop-style bracket steps: finer for small brushes, coarser for big ones. */
export function nextBrushSize(size: number, dir: 1 | -1): number {
  const step = size < 10 ? 1 : size < 50 ? 5 : size < 100 ? 10 : size < 300 ? 25 : size < 1000 ? 50 : 100;
  return Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, size + dir * step));
}
