/**
 * The app's messages inside an open modal dialog's accessible tree. A screen reader kept inside an
 * aria-modal dialog reaches only the dialog, and the messages (Toasts.tsx) sit outside it, top of the
 * canvas: an error said while Settings or Export was open was never read. Every modal dialog holds
 * this live region ("Messages", an error as an alert, as in Toasts); it is for assistive technology
 * only — the visible message stays where it is, closed there.
 */
import { useEditor } from '../../commands/store/store';

export function DialogMessages() {
  const toasts = useEditor((s) => s.toasts);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-label="Messages">
      {toasts.map((t) => (
        <p key={t.id} role={t.tone === 'error' ? 'alert' : undefined}>
          {t.message}
        </p>
      ))}
    </div>
  );
}
