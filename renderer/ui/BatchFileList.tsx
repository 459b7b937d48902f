/**
 * The new batch's photos, one row each: its mask (or the pick among its labelled masks) and its ×.
 * Delete / Backspace on a row or its × takes the photo off; the focus moves to the same place in the
 * next row (the previous one at the end, `onEmptied` when none is left) in the same commit as the
 * removal — a second Delete pressed right after the first reached the page, not a row, when the
 * focus moved a frame later.
 */
import { useLayoutEffect, useRef } from 'react';
import type { BatchFile } from '../../shared/ipc/batch-contract';

interface Props {
  files: BatchFile[];
  /** One mask for all: its name (or "choose a mask") stands in every row. */
  oneMask: string | null;
  onRemove: (fileId: string) => void;
  onPickMask: (fileId: string, name: string) => void;
  /** The list is empty after a removal: where the focus goes (Add images…). */
  onEmptied: () => void;
}

export function BatchFileList({ files, oneMask, onRemove, onPickMask, onEmptied }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<{ at: number; from: 'row' | 'button' } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each list change, the removal it follows included
  useLayoutEffect(() => {
    const pending = focusAfter.current;
    if (!pending) return;
    focusAfter.current = null;
    const rows = list.current?.querySelectorAll<HTMLLIElement>(':scope > li');
    const row = rows?.[Math.min(pending.at, rows.length - 1)];
    if (!row) return onEmptied();
    (pending.from === 'row' ? row : row.querySelector('button'))?.focus();
  }, [files]);
  const remove = (fileId: string, from: 'row' | 'button') => {
    focusAfter.current = { at: files.findIndex((f) => f.fileId === fileId), from };
    onRemove(fileId);
  };
  if (!files.length) return null;
  return (
    <ul ref={list} className="batch-files" aria-label="Images in the new batch">
      {files.map((f) => (
        <li
          key={f.fileId}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a row is focusable so Delete / Backspace removes its photo (its × is the pointer's way)
          tabIndex={0}
          title="Delete or Backspace removes this image from the batch"
          onKeyDown={(e) => {
            // On the row or on its × (a keyboard user tabs to the ×: Delete there did nothing).
            const on = e.target === e.currentTarget ? 'row' : (e.target as HTMLElement).dataset.remove ? 'button' : null;
            if (!on || (e.key !== 'Delete' && e.key !== 'Backspace') || e.ctrlKey || e.metaKey || e.altKey) return;
            e.preventDefault();
            remove(f.fileId, on);
          }}
        >
          <span>{f.name}</span>
          {oneMask === null && f.masks ? (
            // Several labelled masks: none is guessed, the user picks the one for this photo (it only said "3 masks, which one?").
            <select
              aria-label={`Mask for ${f.name}`}
              title={`${f.name} has ${f.masks.length} masks: choose the one to use`}
              value={f.mask ?? ''}
              onChange={(e) => onPickMask(f.fileId, e.target.value)}
            >
              {!f.mask && (
                <option value="" disabled>
                  {`${f.masks.length} masks, which one?`}
                </option>
              )}
              {f.masks.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          ) : (
            <span className="muted">{oneMask ?? f.mask ?? 'no mask found'}</span>
          )}
          <button
            type="button"
            aria-label={`Remove ${f.name}`}
            data-remove="1"
            title={`Remove ${f.name} from the batch (Delete)`}
            onClick={() => remove(f.fileId, 'button')}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
