/**
 * Builds the remote image provider for a catalog model kind. The local engine provider is created
 * elsewhere; gateways are OpenAI-compatible services reached through the OpenAI SDK.
 *
 * Each SDK (≈ 0.2 s of CPU to load) is imported when its provider's first edit (or wire mask made ahead) starts, so what never
 * calls a service — `maskwork fill`, the app until the first cloud edit — does not load it.
 */
import { registerSecret } from '../services/redact';
import { providerError } from './provider-error';
import type { GeminiProviderOptions } from './gemini-provider';
import type { ImageProvider, ProviderConnection } from './provider-types';

/** A provider whose module (and SDK) is loaded on its first edit. */
function loadedOnFirstEdit(kind: ImageProvider['kind'], load: () => Promise<ImageProvider>): ImageProvider {
  let made: Promise<ImageProvider> | undefined;
  return {
    kind,
    edit: async (req, ctx) => {
      made ??= load();
      return (await made).edit(req, ctx);
    },
    // A wire mask made ahead (an outpaint tile's, while the prompt is written) loads the SDK then.
    prepareMask: async (mask, size) => {
      made ??= load();
      await (await made).prepareMask?.(mask, size);
    },
  };
}

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
  // Registered now, as the providers do: the key is redacted from anything said before the first edit too.
  registerSecret(conn.apiKey);
  switch (modelKind) {
    case 'openai':
      return loadedOnFirstEdit('openai', async () =>
        (await import('./openai-provider')).createOpenAIProvider(conn, {
          kind: 'openai',
          stream: opts.stream,
          partialImages: opts.partialImages,
        }),
      );
    case 'gateway':
      if (!conn.baseURL) {
        throw providerError({
          kind: 'invalid-request',
          message: 'This gateway has no base URL; set it (including its /v1 prefix) in Settings → Gateways.',
          rule: 'gateway base URL required',
        });
      }
      return loadedOnFirstEdit('gateway', async () =>
        (await import('./openai-provider')).createOpenAIProvider(conn, {
          kind: 'gateway',
          stream: opts.stream,
          partialImages: opts.partialImages,
        }),
      );
    case 'gemini':
      return loadedOnFirstEdit('gemini', async () =>
        (await import('./gemini-provider')).createGeminiProvider(conn, { retryBaseMs: opts.retryBaseMs, retryCapMs: opts.retryCapMs }),
      );
    default: {
      const never: never = modelKind;
      throw providerError({ kind: 'internal', message: `Unknown provider kind: ${String(never)}` });
    }
  }
}
