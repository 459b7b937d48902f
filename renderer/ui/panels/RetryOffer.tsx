/** Under a moderation toast: retry the same request on another usable model. */
import { useEditor } from '../../commands/store/store';
import { retryOn } from '../../commands/app-job-client';

export function RetryOffer({ toastId }: { toastId: number }) {
  const offer = useEditor((s) => s.retryOffers[toastId]);
  const busy = useEditor((s) => !!s.job);
  if (!offer) return null;
  return (
    <span className="retry-offer" data-testid="retry-offer">
      {offer.models.map((m) => (
        <button
          type="button"
          key={m.value}
          data-testid="retry-model"
          data-model={m.value}
          disabled={busy}
          onClick={() => void retryOn(m.value, toastId)}
        >
          Retry with {m.name}
        </button>
      ))}
    </span>
  );
}
