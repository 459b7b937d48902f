/** Messages: errors stay until dismissed; info fades. */
import { useEffect } from 'react';
import { useEditor } from '../store/store';
import { RetryOffer } from './RetryOffer';

export function Toasts() {
  const toasts = useEditor((s) => s.toasts);
  const dismiss = useEditor((s) => s.dismiss);
  useEffect(() => {
    const info = toasts.filter((t) => t.tone === 'info');
    if (!info.length) return;
    const timer = setTimeout(() => dismiss(info[0].id), 6000);
    return () => clearTimeout(timer);
  }, [toasts, dismiss]);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`} data-kind={t.kind} role={t.tone === 'error' ? 'alert' : undefined}>
          <span>
            {t.message}
            {t.kind === 'moderation' && <RetryOffer toastId={t.id} />}
          </span>
          <button onClick={() => dismiss(t.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
