/** The one editor store, combined from slices (zustand slices pattern). */
import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createToolsSlice, type ToolsSlice } from './tools-slice';
import { createViewportSlice, type ViewportSlice } from './viewport-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createJobsSlice, type JobsSlice } from './jobs-slice';
import { createStagingSlice, type StagingSlice } from './staging-slice';
import { createSelectSlice, type SelectSlice } from './select-slice';

export type EditorStore = DocumentSlice & ToolsSlice & ViewportSlice & UiSlice & JobsSlice & StagingSlice & SelectSlice;

export const useEditor = create<EditorStore>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createToolsSlice(...a),
  ...createViewportSlice(...a),
  ...createUiSlice(...a),
  ...createJobsSlice(...a),
  ...createStagingSlice(...a),
  ...createSelectSlice(...a),
}));
