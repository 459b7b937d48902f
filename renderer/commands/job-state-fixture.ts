/** Tests' running gpt-image-2 job in the store, compositing its result (overrides set the rest); a blank open photo. */
import type { JobState } from '../model/job-state';
import { createEmptyMask } from '../../shared/mask';
import { putMask } from './blob-store';
import { useEditor } from './store/store';

/** Opens a new blank 100×100 photo with an empty mask (a new document id each time). */
export function openBlankDoc(): void {
  useEditor.getState().openDocument({
    id: `doc-${Math.random()}`,
    canvas: { width: 100, height: 100 },
    original: { assetId: 'asset-original', name: 'a.png', width: 100, height: 100, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(100, 100)),
    layers: [],
    versions: [],
  });
}

export function compositingJob(jobId: string, docId: string, overrides: Partial<JobState> = {}): JobState {
  return {
    jobId,
    kind: 'edit',
    docId,
    canvas: { width: 100, height: 100 },
    model: 'gpt-image-2',
    modelName: 'GPT Image 2',
    prompt: '',
    startedAt: 0,
    fraction: 0.9,
    stage: 'Compositing',
    phase: 'working',
    expected: null,
    previews: {},
    cancelling: false,
    ...overrides,
  };
}
