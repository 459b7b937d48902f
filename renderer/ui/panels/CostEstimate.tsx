/**
 * The pre-send estimate. The dollar line and what blocks Generate sit in the Generate button's
 * sticky footer (always in view with the button); the request size stays in the panel above.
 */
import type { ReactNode } from 'react';
import type { Estimate } from '../../model/estimate';

/** "≈ $0.053 · 1 candidate …" and why Generate is disabled, right above the button. */
export function CostLine({
  estimate,
  blocker,
  worst,
  multi,
}: {
  estimate: Estimate | null;
  blocker: string | null;
  worst?: string | null;
  /** With several models at once: their total, in place of the one model's price. */
  multi?: ReactNode;
}) {
  return (
    <div className="cost-estimate" data-testid="cost-estimate">
      {multi}
      {estimate?.ok && (
        <div className="cost-usd" data-testid="cost-usd" title={estimate.basis}>
          {estimate.costText}
          {worst && <span data-testid="cost-worst"> · {worst}</span>}
        </div>
      )}
      {blocker && (
        <div className="blocker" data-testid="generate-blocker" role="note">
          {blocker}
        </div>
      )}
    </div>
  );
}

/** The request size and region ("1536×1024 from a 2100×1400 region", or "584×346 region at full size"), with the pricing basis as a tooltip. */
export function CostSize({ estimate }: { estimate: Estimate | null }) {
  if (!estimate?.ok) return null;
  return (
    <div className="muted cost-size" data-testid="cost-size" title={estimate.basis}>
      {estimate.sizeText}
    </div>
  );
}
