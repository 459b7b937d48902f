/**
 * The prompt box as an unsaved change. A project saves the prompt box (its prompt, the text check's
 * Text and the reference images), so typing in it alone is a change no file holds yet: the title and
 * the status bar show `•`, the autosave picks it up, and opening another file over a project asks
 * about it. It is not an undo step — the words are compared with the box as it was when the document
 * opened or was last saved (`promptMark`), so a long prompt typed letter by letter is one change, and
 * typing it back as it was is none. (Typing in the prompt box alone was not an unsaved change: the
 * words were lost with no `•` and no question, found by hand.)
 */
import type { GenSettings } from './store/jobs-slice';
import { useEditor } from './store/store';

/** The prompt box at rest for one document: as it opened or was last saved. */
export interface PromptMark {
  docId: string;
  prompt: string;
  text: string;
  references: string;
}

/** The parts of the prompt box a project keeps, in comparable form. */
export function promptWords(gen: GenSettings): Omit<PromptMark, 'docId'> {
  return { prompt: gen.prompt, text: gen.textCheck.text, references: gen.references.map((r) => r.assetId).join('\n') };
}

/** The open document's prompt box is now at rest (opened, saved): `words` default to the box as it is. */
export function markPromptAtRest(words?: Omit<PromptMark, 'docId'>): void {
  const s = useEditor.getState();
  if (!s.doc) return;
  s.setPromptMark({ docId: s.doc.id, ...(words ?? promptWords(s.gen)) });
}

/** True when the prompt box differs from what the open document's file (or its opening) had. */
export function promptChanged(
  s: Pick<ReturnType<typeof useEditor.getState>, 'doc' | 'gen' | 'promptMark'> = useEditor.getState(),
): boolean {
  const m = s.promptMark;
  if (!s.doc || !m || m.docId !== s.doc.id) return false;
  const w = promptWords(s.gen);
  return w.prompt !== m.prompt || w.text !== m.text || w.references !== m.references;
}
