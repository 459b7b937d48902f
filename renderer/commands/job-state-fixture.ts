/** Tests' running gpt-image-2 job in the store, compositing its result (overrides set the rest). */
import type { JobState } from '../model/job-state';

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
