/** The app's spend ledger (kept in main, across documents): loaded at start and after every job. */
import { api, unwrap } from './bridge';
import { useEditor } from './store/store';

export async function refreshSpend(): Promise<void> {
  try {
    useEditor.getState().setSpend(await unwrap(api().spend.summary({})));
  } catch {
    // The status bar then shows no figure; nothing else depends on it.
  }
}
