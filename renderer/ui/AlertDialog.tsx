/**
 * The shell of the app's questions (Unsaved changes, A job is running, Revert): a modal alertdialog
 * that takes the keyboard focus on `focus` when it opens and gives it back when it closes; its keys
 * answer it only (Esc is `onCancel`, never an editor shortcut), Tab stays on its controls, and a key
 * pressed outside it (the focus lost to the page) cancels too.
 */
import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { keepTabInside, useFocusReturn, useKeysOutside } from './keyboard/modal-tab';
import { DialogMessages } from './panels/DialogMessages';

export function AlertDialog(props: {
  open: boolean;
  label: string;
  /** The control the focus starts on (the safe answer, or the first). */
  focus: RefObject<HTMLElement | null>;
  onCancel(): void;
  testId?: string;
  children: ReactNode;
}) {
  const { open, label, focus, onCancel, testId, children } = props;
  useFocusReturn(open);
  useEffect(() => {
    if (open) focus.current?.focus();
  }, [open, focus]);
  const box = useRef<HTMLDivElement>(null);
  useKeysOutside(box, onCancel, open);
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className="modal job-open-prompt"
        role="alertdialog"
        aria-modal="true"
        aria-label={label}
        data-testid={testId}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onCancel();
          else keepTabInside(e, e.currentTarget);
        }}
      >
        <DialogMessages />
        {children}
      </div>
    </div>
  );
}
