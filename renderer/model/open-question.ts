/**
 * What to ask before a chosen file replaces the open document: nothing, one question about the
 * running job, one about unsaved changes, or one about both. Choosing the project that is already
 * open asks nothing and opens nothing, unsaved changes or not: as in Photoshop, opening a file that
 * is open keeps the open document (its unsaved changes, a running job). It asked "Save them before
 * opening another file?", and Don't save silently reverted to the saved file.
 */
export interface OpenSituation {
  /** A job is running on the open document. */
  job: boolean;
  /** The open document is a project with changes its file does not hold. */
  unsaved: boolean;
  /** The file chosen is the open document's own project file. */
  sameProject: boolean;
}

export type OpenQuestion = 'none' | 'already-open' | 'job' | 'unsaved' | 'both';

export function openQuestion(s: OpenSituation): OpenQuestion {
  if (s.sameProject) return 'already-open';
  if (s.job && s.unsaved) return 'both';
  if (s.job) return 'job';
  if (s.unsaved) return 'unsaved';
  return 'none';
}
