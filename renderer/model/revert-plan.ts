/**
 * File › Revert (F12, as in Photoshop): what it would reload — the project file the document was last
 * saved to or opened from, or, for a photo never saved as a project, the image file it was opened
 * from — or why it cannot. Reopening the open project keeps it as it is (open-question.ts), so Revert
 * is the way back to the last saved state.
 */

/** What Revert reloads, once confirmed. */
export interface RevertAsk {
  /** The file's name ("coffee.maskwork", "coffee.png"). */
  name: string;
  /** A project file or the photo's image file (either revert is an undo step). */
  from: 'project' | 'photo';
  /** The image file's path (a photo); a project's file is main's to know. */
  path?: string;
}

export interface RevertSituation {
  doc: { id: string; original: { name: string; sourcePath?: string } } | null;
  /** The project file the app links to a document (Save, Open). */
  project: { docId: string; name: string } | null;
  /** The document has changes its file does not hold. */
  unsaved: boolean;
  /** Words typed in the prompt box since it opened or was saved (the title's • without other changes): Revert does not take them back. */
  promptChanged?: boolean;
}

export type RevertPlan = RevertAsk | { refusal: string };

export function revertPlan(x: RevertSituation): RevertPlan {
  const { doc, project } = x;
  if (!doc) return { refusal: 'Open a photo first: there is nothing to revert.' };
  // The • in the title stands for them: "no changes" beside it read as wrong (found by hand).
  const words = x.promptChanged ? ', only words typed in the prompt box (the •), which Revert does not take back' : '';
  if (project && project.docId === doc.id) {
    if (!x.unsaved) return { refusal: `${project.name} has no unsaved changes${words}: there is nothing to revert.` };
    return { name: project.name, from: 'project' };
  }
  if (doc.original.sourcePath) {
    if (!x.unsaved) return { refusal: `${doc.original.name} has no changes since it was opened${words}: there is nothing to revert.` };
    return { name: doc.original.name, from: 'photo', path: doc.original.sourcePath };
  }
  return {
    refusal: `${doc.original.name} was never saved: there is no file to revert to. Save it as a project first (Ctrl/⌘ S).`,
  };
}
