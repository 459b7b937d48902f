/** A provider call as the spend ledger sees it (edits, outpaint tiles). */
import { AppError } from '../../../shared/errors';
import type { JobServices } from '../create-services';
import { type AttemptLog, mayHaveBeenCharged, withAttemptLog } from '../providers/request-attempts';
import { NOT_CHARGED_KINDS } from '../services/spend-ledger';
import type { ResolvedModel } from './resolve-model';

/**
 * A provider call counted in the spend ledger from the moment it is sent (cloud models only; the
 * offline engine is free). A call that fails is taken back out when it cannot have been charged:
 * by its HTTP attempts when they were seen (no body reached the service, or every one that did was
 * refused with a 4xx — a cancel while the SDK waited out a rate limit, or before the upload ended),
 * else by its error (the service rejected it outright, or it never reached the service).
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
  const log: AttemptLog = { attempts: [] };
  try {
    return await withAttemptLog(log, call);
  } catch (e) {
    const saysNotCharged = e instanceof AppError && (NOT_CHARGED_KINDS.has(e.kind) || e.info.notCharged === true);
    if (!(mayHaveBeenCharged(log, saysNotCharged) ?? !saysNotCharged)) svc.ledger.rejected(sent);
    throw e;
  }
}
