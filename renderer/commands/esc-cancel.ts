/**
 * Esc while a job runs. A job on a cloud model has sent its request: cancelling it throws away what
 * is already paid for, and an Esc meant for something else (leaving the prompt box, closing a menu)
 * did exactly that. So Esc asks first — a second Esc within a few seconds cancels — while the
 * offline engine (free) and the Cancel button stop at once.
 */
import { modelOptions } from './current-estimate';
import { afterKeep, discardAllStaged, keepUnderWay } from './edit-commands';
import { candidateKept } from '../model/version-logic';
import { type EditorStore, useEditor } from './store/store';

/** How long the first Esc waits for the second. */
export const ESC_CONFIRM_MS = 3000;

let armed: { jobKey: string; at: number; toast?: number } | null = null;
let unwatch: (() => void) | null = null;
/** When a job ended (not cancelled) while its first Esc waited for the second. */
let endedUnderEsc: number | null = null;

/** Said when the second Esc comes just after the job it meant to cancel had finished. */
export const ENDED_BEFORE_SECOND_ESC =
  'The job finished before your second Esc, and its candidates are in the strip (its request was charged). Press Esc again to discard them.';

/** What a first Esc waits to cancel: a single job, or the models of a several-models run still working. */
interface EscTarget {
  key: string;
  names: string;
  /** Only the offline engine is working: nothing is charged, Esc stops it at once. */
  free: boolean;
}

const keyOf = (job: NonNullable<EditorStore['job']>) => `${job.jobId ?? ''}:${job.startedAt}`;

/** The several-models run's entries still working. */
export function multiWorking(s: Pick<EditorStore, 'multiRun'>): NonNullable<EditorStore['multiRun']>['entries'] {
  return s.multiRun?.entries.filter((e) => e.state === 'starting' || e.state === 'running') ?? [];
}

const isFree = (s: EditorStore, model: string) => modelOptions(s).find((o) => o.value === model)?.spec.provider === 'local';

const listed = (names: string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

function targetOf(s: EditorStore): EscTarget | null {
  if (s.job) return { key: keyOf(s.job), names: s.job.modelName, free: isFree(s, s.job.model) };
  const working = multiWorking(s);
  if (!working.length || !s.multiRun) return null;
  return {
    key: `multi:${s.multiRun.id}`,
    names: listed(working.map((e) => e.modelName)),
    free: working.every((e) => isFree(s, e.model)),
  };
}

/** Forgets the first Esc and takes its "press again" message away. */
function disarm(s: EditorStore): void {
  const toast = armed?.toast;
  armed = null;
  unwatch?.();
  unwatch = null;
  if (toast !== undefined) s.dismiss(toast);
}

/**
 * While a first Esc waits: the job or run ending (done, failed, cancelled by the button) or being
 * cancelled takes the "press again" message away — it stayed on screen over a job that was already over.
 */
function watchJobEnd(): void {
  unwatch?.();
  unwatch = useEditor.subscribe((st) => {
    if (!armed) return;
    const t = st.job?.cancelling ? null : targetOf(st);
    if (t && t.key === armed.jobKey) return;
    if (!st.job?.cancelling) endedUnderEsc = performance.now();
    disarm(st);
  });
}

/**
 * Esc with no job running and candidates staged discards them all. Right after a job ended under a
 * first Esc, though, the second Esc was meant to cancel it: it threw the finished, paid candidates
 * away without a word. That press only says what happened (true); the next one discards.
 */
export function escAfterJobEnded(s: EditorStore, now = performance.now()): boolean {
  const ended = endedUnderEsc;
  endedUnderEsc = null;
  if (ended === null || now - ended > ESC_CONFIRM_MS) return false;
  s.notifyAboutStaged('info', ENDED_BEFORE_SECOND_ESC);
  return true;
}

/**
 * True when this Esc should cancel the running job — or every model of a several-models run still
 * working — now; otherwise it has told the user how (and returns false). What a run's models already
 * brought stays in the strip: the first Esc used to discard it without a word while the others ran on.
 */
export function escCancels(s: EditorStore, now = performance.now()): boolean {
  const target = targetOf(s);
  if (!target) return false;
  const confirmed = armed && armed.jobKey === target.key && now - armed.at <= ESC_CONFIRM_MS;
  // The "press again" message goes once answered or asked anew (it stayed over "Cancelled", and stacked).
  disarm(s);
  if (target.free || confirmed) return true;
  // "may be": once it is out the service may make (and bill) the image whatever the app does; it said "is charged".
  const sent = target.names.includes(' and ') ? 'their requests are sent and may be' : 'its request is sent and may be';
  s.notify('info', `Press Esc again within ${ESC_CONFIRM_MS / 1000} s to cancel ${target.names}: ${sent} charged either way.`);
  const mine = { jobKey: target.key, at: now, toast: useEditor.getState().toasts.at(-1)?.id };
  armed = mine;
  watchJobEnd();
  // The offer lasts as long as it says: past it the message goes (it stayed, and a late second Esc only asked again).
  setTimeout(() => {
    if (armed === mine) disarm(useEditor.getState());
  }, ESC_CONFIRM_MS);
  return false;
}

/**
 * Esc with candidates staged and nothing running discards them all, as Photoshop's Esc cancels — and
 * now says so and how to get them back: a reflex Esc took paid candidates away without a word (Ctrl/⌘ Z
 * brought them back, but nothing said it would).
 */
export function escDiscardsAll(): void {
  // Right after Enter the Keep may still wait for its bitmap: the Esc acts after it, on what is left.
  if (keepUnderWay()) {
    afterKeep(escDiscardsAll);
    return;
  }
  const s = useEditor.getState();
  const n = s.staging.items.length;
  if (!n) return;
  const kept = s.staging.items.filter((c) => candidateKept(s.doc, c)).length;
  discardAllStaged();
  useEditor.getState().notify('info', discardedMessage(n, kept));
}

/**
 * What Esc says when it closes the strip of `n` candidates, `kept` of them already kept as layers.
 * Those stay: "Discarded 2 candidates" over two kept layers read as if the layers had gone too.
 */
export function discardedMessage(n: number, kept: number): string {
  const gone = n - kept;
  const them = (k: number) => (k === 1 ? 'it' : 'them');
  if (!kept) return `Discarded ${n === 1 ? 'the candidate' : `${n} candidates`}: Ctrl/⌘ Z brings ${them(n)} back.`;
  if (!gone)
    return `Closed the candidates: ${n === 1 ? 'it stays as a layer' : `all ${n} stay as layers`} (Ctrl/⌘ Z brings the strip back).`;
  return `Discarded ${gone === 1 ? '1 candidate' : `${gone} candidates`}; the ${kept === 1 ? 'one' : kept} kept as ${kept === 1 ? 'a layer stays' : 'layers stay'}: Ctrl/⌘ Z brings ${them(gone)} back.`;
}

/** Esc has something of the editor's to do: a job or several models running, or candidates staged. */
export function escHasWork(s: EditorStore): boolean {
  return !!s.job || multiWorking(s).length > 0 || s.staging.items.length > 0;
}

/** The editor's Esc: cancel what runs (a paid model's on the second press), else discard the candidates. */
export function escPressed(cancelJob: () => Promise<unknown>, cancelMulti: () => Promise<unknown>): void {
  const s = useEditor.getState();
  if (s.job || multiWorking(s).length > 0) {
    if (escCancels(s)) void (s.job ? cancelJob() : cancelMulti());
  } else if (!escAfterJobEnded(s)) escDiscardsAll();
}
