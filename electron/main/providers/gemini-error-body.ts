/** The error body @google/genai puts in ApiError.message, read (error-mapping.ts). */
import type { ApiError as GeminiApiError } from '@google/genai';

export interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<{ '@type'?: string; reason?: string; retryDelay?: string }>;
}

/** The `{error:{...}}` body that @google/genai serialises into ApiError.message. */
export function parseGeminiErrorBody(e: GeminiApiError): GoogleErrorBody {
  try {
    const parsed = JSON.parse(e.message) as { error?: GoogleErrorBody };
    if (parsed && typeof parsed === 'object' && parsed.error && typeof parsed.error === 'object') return parsed.error;
  } catch {
    /* not JSON: fall through */
  }
  return { message: e.message };
}

/** RetryInfo.retryDelay ("7s", "0.5s") from a Google error body, in ms. */
export function retryDelayFromBody(body: GoogleErrorBody): number | undefined {
  for (const d of body.details ?? []) {
    const m = typeof d.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(d.retryDelay.trim()) : null;
    if (m) return Number(m[1]) * 1000;
  }
  return undefined;
}
