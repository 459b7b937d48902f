/**
 * Ctrl/⌘ Z while a job runs undoes the step the job was made for, but the job goes on (a cloud
 * model's request is sent and charged) and its results wait for that step. Nothing said so: the mask
 * went, the progress bar stayed, and later "2 candidates waiting: redo once" appeared. The first such
 * undo of each job now says it, and how to cancel instead.
 */
import { getModel } from '../../shared/models';
import type { JobState } from '../model/job-state';
import type { DocState } from '../model/document-types';

let told: string | null = null;

/** What to say when an undo leaves the step the running job was made for (once per job), else null. */
export function undoUnderJobNote(s: { job: JobState | null; doc: DocState | null }): string | null {
  const job = s.job;
  if (!job || job.cancelling || !s.doc || (job.at && s.doc !== job.at)) return null;
  const id = job.jobId ?? `${job.docId}@${job.startedAt}`;
  if (told === id) return null;
  told = id;
  const local = getModel(job.model)?.provider === 'local';
  return `${job.modelName} keeps working: undo does not stop the job${local ? '' : ' (its request is sent and charged)'}. Its results wait for the step it was started on — redo (Ctrl/⌘ Shift Z) back to it to see them. To cancel the job, press Esc${local ? '' : ' twice'}.`;
}
