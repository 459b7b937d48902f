/**
 * File › Revert (F12, as in Photoshop): back to the last saved state, as an undo step (Ctrl/⌘ Z brings
 * the edits back). A project is read again from its file (main knows which: `project:revert`), its
 * saved state one step on this session's history; a photo never saved as a project from its image
 * file (as a recent photo opens). Asked first
 * (RevertPrompt), since the changes go; refused, with the reason, when there is no file or nothing
 * changed (renderer/model/revert-plan.ts).
 */
import { revertPlan, type RevertPlan } from '../model/revert-plan';
import { api, errorInfo, unwrap } from './bridge';
import { reopenOwnPhoto } from './document-io';
import { adoptProject, hasUnsavedDocChanges } from './project-commands';
import { promptChanged } from './prompt-mark';
import { useEditor } from './store/store';

const st = () => useEditor.getState();

/** What Revert would do now, or why it cannot (the menu item's tooltip, F12's message). */
export function currentRevertPlan(): RevertPlan {
  const s = st();
  return revertPlan({ doc: s.doc, project: s.project, unsaved: hasUnsavedDocChanges(), promptChanged: promptChanged() });
}

/** F12 / the menu's Revert: says why not, or asks before reverting. */
export function revertDocument(): void {
  const s = st();
  const plan = currentRevertPlan();
  if ('refusal' in plan) s.notify('info', plan.refusal);
  else if (s.job) s.notify('info', 'A model is still working on this document: wait for it or cancel it (Esc), then revert.');
  else if (s.busy) s.notify('info', `Wait for “${s.busy}” to finish, then revert.`);
  else s.setRevertAsk(plan);
}

/** The question's answer: Revert reloads the file, Cancel (Esc) keeps the document as it is. */
export async function answerRevertAsk(revert: boolean): Promise<void> {
  const s = st();
  const ask = s.revertAsk;
  const doc = s.doc;
  s.setRevertAsk(null);
  if (!revert || !ask || !doc) return;
  if (ask.from === 'photo' && ask.path) {
    // Its own file, whether or not still on the recent photos list (it went through that list, and was refused).
    await reopenOwnPhoto(doc.original.assetId, ask.path);
    const now = st().doc;
    if (now && now !== doc && now.original.sourcePath === ask.path)
      st().notify('success', `Reverted to ${ask.name} as it is on disk (Ctrl/⌘ Z brings your edits back).`);
    return;
  }
  s.setBusy('Reverting…');
  try {
    await adoptProject(await unwrap(api().project.revert({ docId: doc.id })), 'revert');
    st().notify('success', `Reverted to the last saved ${ask.name} (Ctrl/⌘ Z brings your changes back).`);
  } catch (e) {
    const info = errorInfo(e);
    st().notify('error', info.message, info.kind);
  } finally {
    st().setBusy(null);
  }
}
