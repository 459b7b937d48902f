/** Under a moderation toast: retry the same request on another usable model. */
import { useEditor } from '../../commands/store/store';
import { retryOn } from '../../commands/app-job-client';
import { priceWith } from '../../commands/model-price';

export function RetryOffer({ toastId }: { toastId: number }) {
  const offer = useEditor((s) => s.retryOffers[toastId]);
  const busy = useEditor((s) => !!s.job);
  // Re-read with the store (the panel's estimate for each model: what the click will spend).
  useEditor((s) => s.gen);
  if (!offer) return null;
  const s = useEditor.getState();
  return (
    <span className="retry-offer" data-testid="retry-offer">
      {offer.models.map((m) => {
        const price = priceWith(s, m.value);
        return (
          <button
            type="button"
            key={m.value}
            data-testid="retry-model"
            data-model={m.value}
            disabled={busy}
            onClick={() => void retryOn(m.value, toastId)}
            title={`Send the same request to ${m.name}${price ? ` (${price})` : ''}`}
          >
            Retry with {m.name}
            {price && <span className="muted"> · {price}</span>}
          </button>
        );
      })}
    </span>
  );
}
