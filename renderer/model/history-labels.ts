/**
 * The History panel's words for its steps: a label that comes again gets its count, "Keep GPT Image 2
 * result (2)", so two steps that did the same kind of thing can be told apart (two identical lines
 * were: which Keep is which?). The first one keeps its plain words; the store's labels (Undo's) stay
 * as they are. The status bar's "Last:" says the current step in the panel's words (`currentStepWords`).
 */
export function distinctLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}

/**
 * The current step in the History panel's words: counted among the steps of the same document up to
 * it ("Keep GPT Image 2 result (2)"); the status bar said the store's plain label while History's
 * highlighted row had the count.
 */
export function currentStepWords(past: readonly { label: string; doc: { id: string } }[], label: string, docId: string): string {
  const mine = past.filter((p) => p.doc.id === docId).map((p) => p.label);
  return distinctLabels([...mine, label]).at(-1) ?? label;
}
