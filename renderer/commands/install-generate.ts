/**
 * Wiring that lives as long as the window: job progress events, key status, gateways and the spend
 * ledger at start, candidates parked while their document is not open (and staged again when it
 * comes back), each photo's own prompt box, and the release of the hold-to-compare key.
 */
import { useEditor } from './store/store';
import { installJobEvents } from './app-job-client';
import { refreshPrefs, refreshProviders } from './providers-client';
import { recordPrompt } from '../commands/prompts-client';
import { refreshSpend } from './spend-client';
import { installOutpaintPrepare } from './outpaint-prepare';
import { installEngineWarm } from './engine-warm';
import { createPromptPerPhoto } from './prompt-per-photo';
import { markPromptAtRest } from './prompt-mark';
import { api, unwrap } from './bridge';

export function installGenerate(): () => void {
  let offJobs: () => void = () => {};
  let offPrepare: () => void = () => {};
  let offWarm: () => void = () => {};
  try {
    offJobs = installJobEvents();
    // The outpaint the document is set up for is prepared in main while the prompt is written.
    offPrepare = installOutpaintPrepare({ store: useEditor, send: (req) => unwrap(api().outpaint.prepare(req)) });
    // With the offline engine chosen, main has a warm engine worker ready by the time Generate is pressed.
    offWarm = installEngineWarm({ store: useEditor, send: (model) => unwrap(api().engine.warm({ model })) });
    void refreshProviders();
    void refreshSpend();
  } catch {
    // No bridge (window.maskwork missing): the app already says so when a file is opened.
  }
  let docId = useEditor.getState().doc?.id;
  // Another document: its candidates wait for it (undo brings it back); a running job keeps running
  // (opening asked first) and its results land on the document it belongs to.
  const prompts = createPromptPerPhoto();
  const offDoc = useEditor.subscribe((s) => {
    if (s.doc?.id === docId) return;
    const gen = prompts.switchTo(docId, s.doc?.id, s.gen);
    docId = s.doc?.id;
    if (gen) useEditor.getState().setGen(gen);
    markPromptAtRest(); // another document: its prompt box as it comes is not a change (prompt-mark.ts)
    s.parkStaging();
    if (docId) useEditor.getState().unpark(docId);
  });
  // A job ended: main has learned its request times (and kept its prompt); read them back.
  // A job started: its prompt goes into the recent prompts (global and this photo's).
  let running = !!useEditor.getState().job;
  const offJob = useEditor.subscribe((s) => {
    const now = !!s.job;
    if (running && !now) void refreshPrefs();
    if (!running && s.job) void recordPrompt(s.job.prompt);
    running = now;
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
    offPrepare();
    offWarm();
    offDoc();
    offJob();
    window.removeEventListener('keyup', onKeyUp);
    window.removeEventListener('blur', release);
  };
}
