/** The pre-send estimate: dollars, request size and region, with the pricing basis as a tooltip. */
import type { Estimate } from '../../model/estimate';

export function CostEstimate({ estimate, blocker }: { estimate: Estimate | null; blocker: string | null }) {
  return (
    <div className="cost-estimate" data-testid="cost-estimate">
      {estimate?.ok && (
        <>
          <div className="cost-usd" data-testid="cost-usd" title={estimate.basis}>
            {estimate.costText}
          </div>
          <div className="muted" data-testid="cost-size" title={estimate.basis}>
            {estimate.sizeText}
          </div>
        </>
      )}
      {blocker && (
        <div className="blocker" data-testid="generate-blocker" role="note">
          {blocker}
        </div>
      )}
    </div>
  );
}
