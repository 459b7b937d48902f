/**
 * Builds the remote image provider for a catalog model kind. The local engine provider is created
 * elsewhere; gateways are OpenAI-compatible services reached through the OpenAI SDK.
 */
import { providerError } from './error-mapping';
import { createGeminiProvider, type GeminiProviderOptions } from './gemini-provider';
import { createOpenAIProvider } from './openai-provider';
import type { ImageProvider, ProviderConnection } from './provider-types';

/** Remote model kinds this factory serves. */
export type RemoteModelKind = 'openai' | 'gemini' | 'gateway';

/** Options passed through to the concrete provider (each ignores what it does not use). */
export interface ProviderFactoryOptions extends GeminiProviderOptions {
  /** OpenAI/gateway: stream partial previews when n == 1. */
  stream?: boolean;
  /** OpenAI/gateway: partial images while streaming (default 2). */
  partialImages?: 0 | 1 | 2 | 3;
}

/**
 * Creates the provider for `modelKind`. A gateway needs its own base URL (including its `/v1`
 * prefix): without one the OpenAI SDK would send the gateway's key to api.openai.com.
 */
export function createProvider(modelKind: RemoteModelKind, conn: ProviderConnection, opts: ProviderFactoryOptions = {}): ImageProvider {
  switch (modelKind) {
    case 'openai':
      return createOpenAIProvider(conn, { kind: 'openai', stream: opts.stream, partialImages: opts.partialImages });
    case 'gateway':
      if (!conn.baseURL) {
        throw providerError({
          kind: 'invalid-request',
          message: 'This gateway has no base URL; set it (including its /v1 prefix) in Settings → Gateways.',
          rule: 'gateway base URL required',
        });
      }
      return createOpenAIProvider(conn, { kind: 'gateway', stream: opts.stream, partialImages: opts.partialImages });
    case 'gemini':
      return createGeminiProvider(conn, { retryBaseMs: opts.retryBaseMs, retryCapMs: opts.retryCapMs });
    default: {
      const never: never = modelKind;
      throw providerError({ kind: 'internal', message: `Unknown provider kind: ${String(never)}` });
    }
  }
}
