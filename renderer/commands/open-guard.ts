/**
 * Opening another photo while a job runs asks first: keep the job running (its results wait for
 * the photo they belong to), cancel it, or don't open. The question is shown by JobOpenPrompt.
 */
import { cancelJob } from './app-job-client';
import { useEditor } from './store/store';

export type OpenChoice = 'keep' | 'cancel' | 'dont-open';

let pending: ((c: OpenChoice) => void) | null = null;

/** Resolves true when the open may go ahead (no job, or the user chose to keep or cancel it). */
export async function mayOpenWhileJob(): Promise<boolean> {
  if (!useEditor.getState().job) return true;
  pending?.('dont-open');
  const choice = await new Promise<OpenChoice>((resolve) => {
    pending = resolve;
    useEditor.getState().setOpenAsk(true);
  });
  if (choice === 'dont-open') return false;
  if (choice === 'cancel') await cancelJob();
  return true;
}

/** The prompt's buttons. */
export function answerOpenAsk(choice: OpenChoice): void {
  const resolve = pending;
  pending = null;
  useEditor.getState().setOpenAsk(false);
  resolve?.(choice);
}
