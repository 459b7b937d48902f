/** Tests' running gpt-image-2 job in the store, compositing its result (overrides set the rest); a blank open photo; a staged candidate. */
import type { JobState } from '../model/job-state';
import type { StagedCandidate } from '../model/staging-logic';
import { createEmptyMask } from '../../shared/mask';
import { putMask } from './blob-store';
import { useEditor } from './store/store';

/** Opens a new blank `size`×`size` photo with an empty mask; returns its document id (a new one each time). */
export function openBlankDoc(size = 100): string {
  const id = `doc-${Math.random()}`;
  useEditor.getState().openDocument({
    id,
    canvas: { width: size, height: size },
    original: { assetId: 'asset-original', name: 'a.png', width: size, height: size, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(size, size)),
    layers: [],
    versions: [],
  });
  return id;
}

/** A gpt-image-2 candidate of job `jobId` for document `docId`, covering the whole `size`×`size` photo. */
export function stagedFixture(o: {
  jobId: string;
  index: number;
  docId: string;
  assetId: string;
  size?: number;
  prompt?: string;
  costUsd?: number;
}): StagedCandidate {
  const size = o.size ?? 10;
  return {
    key: `${o.jobId}:${o.index}`,
    jobId: o.jobId,
    docId: o.docId,
    index: o.index,
    model: 'gpt-image-2',
    modelName: 'GPT Image 2',
    prompt: o.prompt ?? '',
    assetId: o.assetId,
    region: { x: 0, y: 0, width: size, height: size },
    requestSize: { width: 1024, height: 1024 },
    costUsd: o.costUsd ?? 0.01,
    seconds: 1,
    createdAt: 0,
    canvas: { width: size, height: size },
  };
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
