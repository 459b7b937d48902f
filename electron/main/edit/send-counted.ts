/** A provider call as the spend ledger sees it (edits, outpaint tiles). */
import { AppError } from '../../../shared/errors';
import type { JobServices } from '../create-services';
import { NOT_CHARGED_KINDS } from '../services/spend-ledger';
import type { ResolvedModel } from './resolve-model';

/**
 * A provider call counted in the spend ledger from the moment it is sent (cloud models only; the
 * offline engine is free). A request the service rejected outright is taken back out.
 */
export async function sendCounted<T>(
  svc: Pick<JobServices, 'ledger'>,
  model: ResolvedModel,
  usd: number,
  requests: number,
  call: () => Promise<T>,
): Promise<T> {
  if (model.spec.provider === 'local') return call();
  const sent = svc.ledger.sent(usd, requests);
  try {
    return await call();
  } catch (e) {
    if (e instanceof AppError && (NOT_CHARGED_KINDS.has(e.kind) || e.info.notCharged)) svc.ledger.rejected(sent);
    throw e;
  }
}
