/**
 * Before a chosen file replaces the open document: one question at most (renderer/model/open-question.ts).
 * A running job alone: keep it running (its results wait for the document they belong to), cancel
 * it, or don't open (JobOpenPrompt). Unsaved project changes alone — or a photo's unsaved work
 * when a project replaces it — Save / Don't save / Cancel (UnsavedPrompt). Both: one question — Save / Don't save / Don't open, with "Cancel the job" to
 * tick (JobOpenPrompt). The project already open, chosen again (unsaved changes or not): nothing is
 * asked or opened.
 */
import { openQuestion } from '../model/open-question';
import { cancelJob } from './app-job-client';
import {
  mayLeaveUnsavedPhoto,
  mayLeaveUnsavedProject,
  photoHasUnsavedChanges,
  projectHasUnsavedChanges,
  saveProject,
} from './project-commands';
import { useEditor } from './store/store';

export type OpenChoice = 'keep' | 'cancel' | 'dont-open' | { save: boolean; cancelJob: boolean };

/** What the file chosen is, when known: a project file (its path) or a photo. */
export interface ChosenFile {
  projectPath?: string;
  isProject?: boolean;
}

let pending: ((c: OpenChoice) => void) | null = null;

/** Resolves true when the chosen file may replace the open document (asking first when something would be lost). */
export async function mayReplaceDocument(chosen: ChosenFile = {}): Promise<boolean> {
  const s = useEditor.getState();
  const sameProject = !!(chosen.projectPath && s.doc && s.project?.docId === s.doc.id && s.project.path === chosen.projectPath);
  // A project replacing a photo with unsaved work asks too: the project brings its own undo history.
  const isProject = !!(chosen.isProject || chosen.projectPath);
  const photoUnsaved = isProject && photoHasUnsavedChanges();
  const q = openQuestion({ job: !!s.job, unsaved: projectHasUnsavedChanges() || photoUnsaved, sameProject });
  if (q === 'already-open') {
    const name = s.project?.name ?? 'This project';
    s.notify(
      'info',
      projectHasUnsavedChanges()
        ? `${name} is already open, with your unsaved changes: nothing was reopened or lost.`
        : `${name} is already open: nothing was changed.`,
    );
    return false;
  }
  if (q === 'none') return true;
  if (q === 'unsaved') return photoUnsaved ? mayLeaveUnsavedPhoto() : mayLeaveUnsavedProject();
  pending?.('dont-open');
  let stop = () => {};
  const choice = await new Promise<OpenChoice>((resolve) => {
    pending = resolve;
    useEditor.getState().setOpenAsk({ unsaved: q === 'both', project: isProject });
    // Asked only because of the job, and the job ends while the question waits (its candidates are
    // in the strip): the question is moot, and the file opens as it would have with no job. The
    // dialog stayed, saying a model was still working, over a job that was done.
    if (q === 'job')
      stop = useEditor.subscribe((st) => {
        if (!st.job && pending === resolve) answerOpenAsk('keep');
      });
  });
  stop();
  if (choice === 'dont-open') return false;
  if (choice === 'cancel') await cancelJob();
  if (typeof choice === 'object') {
    if (choice.save && !(await saveProject(false))) return false;
    if (choice.cancelJob) await cancelJob();
  }
  return true;
}

/** The prompt's buttons. */
export function answerOpenAsk(choice: OpenChoice): void {
  const resolve = pending;
  pending = null;
  useEditor.getState().setOpenAsk(null);
  resolve?.(choice);
}
