/** Messages, top of the canvas (never over the staging strip): errors stay until closed; information fades after ~5 s. */
import { useEditor } from '../../commands/store/store';
import { Countdown } from '../Countdown';
import { RetryOffer } from './RetryOffer';

export function Toasts() {
  const toasts = useEditor((s) => s.toasts);
  const dismiss = useEditor((s) => s.dismiss);
  return (
    <div className="toasts" data-testid="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast ${t.tone}`}
          data-testid="toast"
          data-tone={t.tone}
          data-kind={t.kind}
          role={t.tone === 'error' ? 'alert' : undefined}
        >
          <span>
            {t.retryAt ? <Countdown message={t.message} at={t.retryAt} /> : t.message}
            {t.kind === 'moderation' && <RetryOffer toastId={t.id} />}
          </span>
          <button
            type="button"
            // Over an open dialog the click leaves the focus in it, so Esc still closes it (the button
            // took the focus, went with its message, and left Esc with nothing to close).
            onMouseDown={(e) => document.querySelector('[aria-modal="true"]') && e.preventDefault()}
            onClick={() => dismiss(t.id)}
            aria-label="Dismiss"
            title="Close this message (Esc closes the newest)"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
