/**
 * The History panel's lines for steps on other photos (opening a photo is an undo step). Steps before
 * the current one are reached with Ctrl/⌘ Z; steps after it (undone back to an earlier photo) with
 * Ctrl/⌘ Shift Z; a new change on this photo moves them back behind it (document-slice `commit`), so
 * Ctrl/⌘ Z reaches them then.
 */
export interface OtherPhotoLines {
  /** Above the list, or null. */
  readonly before: string | null;
  /** Below the list, or null. */
  readonly after: string | null;
}

/** `steps`: every history entry in order (past, current, future); `current`: the current entry's index. */
export function otherPhotoLines(steps: readonly { readonly docId: string | undefined }[], current: number, docId: string): OtherPhotoLines {
  let before = 0;
  let after = 0;
  steps.forEach((s, i) => {
    if (s.docId === docId) return;
    if (i < current) before++;
    else after++;
  });
  const count = (n: number) => `${n} step${n === 1 ? '' : 's'} on other photos`;
  return {
    before: before > 0 ? `${count(before)} before these (Ctrl/⌘ Z goes back to them)` : null,
    after:
      after > 0
        ? `${count(after)} after these (Ctrl/⌘ Shift Z goes forward to them; after a new change here, Ctrl/⌘ Z reaches them)`
        : null,
  };
}
