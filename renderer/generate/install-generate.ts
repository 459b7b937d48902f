/**
 * Wiring that lives as long as the window: job progress events, key status and gateways at start,
 * staging cleared (and a running job cancelled) when another document opens, and the release of the
 * hold-to-compare key.
 */
import { useEditor } from '../store/store';
import { discardAllStaged } from '../store/edit-commands';
import { cancelJob, installJobEvents } from './job-client';
import { refreshProviders } from './providers-client';
import { refreshSpend } from './spend-client';

export function installGenerate(): () => void {
  let offJobs: () => void = () => {};
  try {
    offJobs = installJobEvents();
    void refreshProviders();
    void refreshSpend();
  } catch {
    // No bridge (window.maskwork missing): the app already says so when a file is opened.
  }
  let docId = useEditor.getState().doc?.id;
  const offDoc = useEditor.subscribe((s) => {
    if (s.doc?.id === docId) return;
    docId = s.doc?.id;
    if (s.staging.items.length) discardAllStaged();
    if (s.job && s.job.docId !== docId) void cancelJob();
  });
  const release = () => {
    if (useEditor.getState().compare.held) useEditor.getState().setCompare({ held: false });
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.code === 'KeyY') release();
  };
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('blur', release);
  return () => {
    offJobs();
    offDoc();
    window.removeEventListener('keyup', onKeyUp);
    window.removeEventListener('blur', release);
  };
}
