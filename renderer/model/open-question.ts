/**
 * What to ask before a chosen file replaces the open document: nothing, one question about the
 * running job, one about unsaved changes, or one about both. Choosing the project that is already
 * open, with nothing unsaved, asks nothing and opens nothing (nothing would change, and a running
 * job keeps its document).
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
  if (s.sameProject && !s.unsaved) return 'already-open';
  if (s.job && s.unsaved) return 'both';
  if (s.job) return 'job';
  if (s.unsaved) return 'unsaved';
  return 'none';
}
