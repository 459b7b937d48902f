/**
 * The History panel's words for its steps: a label that comes again gets its count, "Keep GPT Image 2
 * result (2)", so two steps that did the same kind of thing can be told apart (two identical lines
 * were: which Keep is which?). The first one keeps its plain words; the store's labels (Undo's,
 * the status bar's "Last:") stay as they are.
 */
export function distinctLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}
