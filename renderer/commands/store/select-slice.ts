/** Selection tools' options (wand, colour range, object select, pen pressure) and the running job. Never in history. */
import type { StateCreator } from 'zustand';
import type { Rgb } from '../../../shared/select';
import type { EditorStore } from './store';

export type PressureUse = 'off' | 'size' | 'opacity' | 'both';

export interface SelectSettings {
  /** Magic wand: largest channel difference still selected (0..255). */
  tolerance: number;
  contiguous: boolean;
  antialias: boolean;
  /** Read the composite of what is visible, or the original photo only. */
  sample: 'composite' | 'original';
  /** Colour range: fade-out distance (1..200) and the sampled colours. */
  fuzziness: number;
  colors: Rgb[];
  /** Pen pressure drives brush size and/or opacity (pens only; a mouse has no pressure). */
  pressure: PressureUse;
  /** Refine edge radius (px). */
  refineRadius: number;
}

export interface SelectSlice {
  select: SelectSettings;
  /** The selection job running in the worker (cancellable), or null. */
  selecting: string | null;
  /** Bumped when the colour range preview changes (the preview pixels live in select-commands). */
  rangePreviewVersion: number;
  setSelect(patch: Partial<SelectSettings>): void;
  setSelecting(label: string | null): void;
  bumpRangePreview(): void;
}

export const DEFAULT_SELECT: SelectSettings = {
  tolerance: 32,
  contiguous: true,
  antialias: true,
  sample: 'composite',
  fuzziness: 40,
  colors: [],
  pressure: 'size',
  refineRadius: 8,
};

export const createSelectSlice: StateCreator<EditorStore, [], [], SelectSlice> = (set, get) => ({
  select: DEFAULT_SELECT,
  selecting: null,
  rangePreviewVersion: 0,
  setSelect(patch) {
    const s = { ...get().select, ...patch };
    s.tolerance = Math.round(Math.min(255, Math.max(0, Number.isFinite(s.tolerance) ? s.tolerance : 32)));
    s.fuzziness = Math.round(Math.min(200, Math.max(1, Number.isFinite(s.fuzziness) ? s.fuzziness : 40)));
    s.refineRadius = Math.round(Math.min(64, Math.max(1, Number.isFinite(s.refineRadius) ? s.refineRadius : 8)));
    set({ select: s });
  },
  setSelecting: (selecting) => set({ selecting }),
  bumpRangePreview: () => set({ rangePreviewVersion: get().rangePreviewVersion + 1 }),
});
