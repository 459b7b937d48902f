/**
 * Model id from the renderer → catalog spec + a provider with its connection. Keys come from the
 * key store (or the environment for the CLI) and never leave main.
 */
import { getModel, gatewayModel } from '../../../shared/models';
import type { ModelSpec } from '../../../shared/models';
import { AppError } from '../../../shared/errors';
import { gatewayUrlProblem } from '../../../shared/models/gateway-url';
import type { ModelServices } from '../create-services';
import { MAX_RESPONSE_BYTES, PROVIDER_DEADLINE_MS, type ImageProvider, type ProviderConnection } from '../providers/provider-types';
import { createProvider } from '../providers/provider-factory';
import { createLocalProvider } from '../providers/local-provider';
import { ENV_KEYS } from '../services/key-store';

export interface ResolvedModel {
  spec: ModelSpec;
  provider: ImageProvider;
  /** Name the service expects (gateways may map ids). */
  wireModel: string;
}

const DEFAULT_TIMEOUT_MS = 180_000;

export async function resolveModel(svc: ModelServices, model: string): Promise<ResolvedModel> {
  if (model.startsWith('gateway:')) {
    const m = /^gateway:([a-z0-9-]+)\/(.+)$/.exec(model);
    const gw = m ? svc.gateways.get(m[1]) : undefined;
    if (!m || !gw?.modelIds.includes(m[2]))
      throw new AppError({ kind: 'invalid-request', message: `Unknown gateway model ${model}. Check Settings → Gateways.` });
    // A gateway saved before https was required still may not receive its key in the clear.
    const urlProblem = gatewayUrlProblem(gw.baseURL);
    if (urlProblem)
      throw new AppError({ kind: 'invalid-request', message: `${urlProblem} Edit “${gw.name}” in Settings → Gateways.`, model });
    const key = await svc.keys.get(`gateway:${gw.id}`);
    if (!key)
      throw new AppError({ kind: 'auth', message: `No key is set for the gateway “${gw.name}”. Add one in Settings → Gateways.`, model });
    const spec = gatewayModel({ id: model, name: `${m[2]} (${gw.name})`, upstreamModel: m[2] }, gw.template ?? 'gpt-image-2');
    return { spec, wireModel: m[2], provider: createProvider('gateway', conn(svc, key, gw.baseURL)) };
  }
  const spec = getModel(model);
  if (!spec) throw new AppError({ kind: 'invalid-request', message: `Unknown model “${model}”.`, rule: 'model' });
  if (spec.status === 'retired') {
    throw new AppError({
      kind: 'invalid-request',
      message: `${spec.name} has been retired by its provider${spec.retirement ? ` (${spec.retirement.date})` : ''}; choose another model.`,
      rule: 'model',
      model,
    });
  }
  if (spec.provider === 'local') return { spec, wireModel: 'local', provider: createLocalProvider() };
  if (spec.provider === 'openai') {
    const key = await svc.keys.get('openai');
    if (!key)
      throw new AppError({
        kind: 'auth',
        message: 'No OpenAI key is set. Add one in Settings → Keys (or set OPENAI_API_KEY for the CLI).',
        model,
      });
    return {
      spec,
      wireModel: spec.id,
      provider: createProvider('openai', conn(svc, key, svc.env.OPENAI_BASE_URL, await keyHintOf(svc, 'openai')), {
        stream: svc.env.MASKWORK_STREAM !== '0',
      }),
    };
  }
  const key = await svc.keys.get('gemini');
  if (!key)
    throw new AppError({
      kind: 'auth',
      message: 'No Google Gemini key is set. Add one in Settings → Keys (or set GEMINI_API_KEY for the CLI).',
      model,
    });
  return {
    spec,
    wireModel: spec.id,
    provider: createProvider('gemini', conn(svc, key, svc.env.GOOGLE_GEMINI_BASE_URL, await keyHintOf(svc, 'gemini'))),
  };
}

/** The Gemini connection (key, base URL, limits) for calls outside a provider, e.g. the Batch API. */
export async function geminiConnection(svc: ModelServices, model: string): Promise<ProviderConnection> {
  const key = await svc.keys.get('gemini');
  if (!key)
    throw new AppError({
      kind: 'auth',
      message: 'No Google Gemini key is set. Add one in Settings → Keys (or set GEMINI_API_KEY for the CLI).',
      model,
    });
  return conn(svc, key, svc.env.GOOGLE_GEMINI_BASE_URL, await keyHintOf(svc, 'gemini'));
}

/** A key from the environment is fixed there, not in Settings → Keys: the error names its variable. */
async function keyHintOf(svc: ModelServices, provider: 'openai' | 'gemini'): Promise<string | undefined> {
  return (await svc.keys.status(provider)).source === 'environment' ? `the ${ENV_KEYS[provider]} environment variable` : undefined;
}

function conn(svc: ModelServices, apiKey: string, baseURL: string | undefined, keyHint?: string): ProviderConnection {
  const timeout = Number(svc.env.MASKWORK_TIMEOUT_MS);
  const retries = Number(svc.env.MASKWORK_MAX_RETRIES);
  const deadline = Number(svc.env.MASKWORK_DEADLINE_MS);
  const maxMb = Number(svc.env.MASKWORK_MAX_RESPONSE_MB);
  const deadlineMs = Number.isFinite(deadline) && deadline > 0 ? deadline : PROVIDER_DEADLINE_MS;
  return {
    apiKey,
    baseURL: baseURL || undefined,
    timeoutMs: Math.min(deadlineMs, Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS),
    maxRetries: Number.isFinite(retries) && svc.env.MASKWORK_MAX_RETRIES !== undefined ? retries : 2,
    deadlineMs,
    maxResponseBytes: Number.isFinite(maxMb) && maxMb > 0 ? maxMb * 2 ** 20 : MAX_RESPONSE_BYTES,
    ...(keyHint ? { keyHint } : {}),
  };
}
