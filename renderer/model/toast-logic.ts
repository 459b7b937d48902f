/**
 * Messages as pure list logic: information and success messages go away by themselves after
 * {@link AUTO_DISMISS_MS}; errors stay until closed. At most {@link MAX_TOASTS} are stacked — a new
 * message pushes out the oldest self-dismissing one first, and an error only when all are errors.
 */
export type ToastTone = 'error' | 'info' | 'success';

/**
 * The action an error message is about. Its error goes when the same action next succeeds (a damaged
 * file's "cannot be read" once another file opens); errors of other actions stay until closed.
 */
export type ToastAction = 'open' | 'save' | 'export' | 'generate';

export const MAX_TOASTS = 3;
export const AUTO_DISMISS_MS = 5000;

export interface ToastLike {
  id: number;
  tone: ToastTone;
}

/** Whether a message of this tone closes itself. */
export function autoDismisses(tone: ToastTone): boolean {
  return tone !== 'error';
}

/**
 * The list without the errors of `action` (it has just succeeded). A photo or project opened also
 * takes away the errors of the document before it — a failed Generate's or export's, which stayed
 * stacked over the next document as if about it. `file`: the action succeeded on that file (its
 * path), so errors about the same file go too, whatever their action — a recent project's "could not
 * be read (it may have been moved or deleted…)" stayed beside "Saved desk-stuff.maskwork" after Save
 * As wrote that very file again.
 */
export function withoutActionErrors<T extends ToastLike & { action?: ToastAction; file?: string }>(
  list: readonly T[],
  action: ToastAction,
  file?: string,
): T[] {
  const gone = new Set<ToastAction>(action === 'open' ? ['open', 'generate', 'export'] : [action]);
  return list.filter((t) => t.tone !== 'error' || ((!t.action || !gone.has(t.action)) && (!file || t.file !== file)));
}

/**
 * Whether a message offers an undo ("… Ctrl+Z brings it back", "Ctrl/⌘ Z undoes the Keep"): the next
 * undo or redo uses that offer or makes it stale, so the message goes then ("Deleted the layer … Ctrl+Z
 * brings it back" stayed on screen after Ctrl+Z had brought the layer back).
 */
export function offersUndo(message: string): boolean {
  return /Ctrl(\/⌘)?[+ ]Z (brings|undoes)/.test(message);
}

/** The list after adding `t`, trimmed to `max` (oldest self-dismissing message dropped first). */
export function pushToast<T extends ToastLike>(list: readonly T[], t: T, max = MAX_TOASTS): T[] {
  const next = [...list, t];
  while (next.length > max) {
    const i = next.findIndex((x) => autoDismisses(x.tone) && x !== t);
    next.splice(Math.max(i, 0), 1);
  }
  return next;
}

/**
 * A rate limit's message as its wait passes: "… try again in 12 s." counts down (`msLeft` to go) and,
 * once the wait is over, says "you can try again now" — it said "try again in 12 s" for as long as it
 * stayed on screen, a minute later too. Words other than that phrase are kept.
 */
export function countdownMessage(message: string, msLeft: number): string {
  const s = Math.max(0, Math.ceil(msLeft / 1000));
  const when = s === 0 ? 'you can try again now' : `try again in ${s >= 60 ? `${Math.ceil(s / 60)} min` : `${s} s`}`;
  return message.replace(/try again in \d+ (?:s|min)\b/, when);
}
