/**
 * An edit's worst case under the spend cap, held before its first request (spend-gate.ts): its
 * candidates at the request size, plus every text retry the budget allows. Refused (thrown) when it
 * would go above the cap: nothing is sent.
 */
import { estimateCost } from '../../../shared/models';
import { retryBudget } from '../../../shared/text-check/budget';
import type { JobServices } from '../create-services';
import type { EditRequest, PreparedEdit } from './run-edit';
import type { ResolvedModel } from './resolve-model';

export function reserveEdit(
  svc: Pick<JobServices, 'ledger'>,
  req: EditRequest,
  model: ResolvedModel,
  /** Several: an edit in areas, one request each. */
  prep: PreparedEdit | readonly PreparedEdit[],
  references: number,
  /** Text retries: at most `retries`, at `usd` each, within `maxUsd` (the retry budget). */
  retry?: { retries: number; maxUsd?: number; usd: number },
): void {
  const retriesUsd = retry ? retryBudget(retry.retries, retry.maxUsd, retry.usd) * retry.usd : 0;
  const preps = Array.isArray(prep) ? prep : [prep as PreparedEdit];
  const first =
    model.spec.provider === 'local'
      ? 0
      : preps.reduce(
          (t, p) =>
            t +
            estimateCost({
              modelId: model.spec,
              width: p.request.width,
              height: p.request.height,
              quality: req.quality,
              n: req.n,
              imageSize: p.request.imageSize,
              referenceImages: references,
            }).usd,
          0,
        );
  svc.ledger.reserve?.(first + retriesUsd);
}
