/**
 * The typed, redacted error every provider module raises; here, apart from error-mapping.ts (which
 * needs the SDKs' error classes), so modules that only raise errors load no SDK.
 */
import { AppError, type AppErrorInfo } from '../../../shared/errors';
import { redactSecrets } from '../services/redact';

export type ProviderErrorInfo = Omit<AppErrorInfo, 'message'> & { message: string };

/** Builds an AppError whose message is always redacted. */
export function providerError(info: ProviderErrorInfo): AppError {
  const message = redactSecrets(info.message);
  return new AppError({ ...info, message: message.length > 800 ? `${message.slice(0, 800)}…` : message });
}
