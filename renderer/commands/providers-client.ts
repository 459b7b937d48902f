/**
 * Key status and gateways through the bridge. The renderer only ever learns "set or not", the last
 * four characters and where a key comes from; keys typed here go straight to main.
 */
import type { SpendCap } from '../../shared/prefs/spend-cap';
import type { GatewaySettings, KeyStatus } from '../../shared/ipc/contract-types';
import type { RoutingSettings } from '../../shared/routing';
import { api, errorInfo, unwrap } from './bridge';
import { useEditor } from './store/store';
import { buildModelOptions, clampN, defaultModel } from '../model/model-options';
import { AUTO_VALUE } from '../model/auto-choice';

const LAST_MODEL_KEY = 'maskwork.lastModel';

export function lastUsedModel(): string | null {
  try {
    return localStorage.getItem(LAST_MODEL_KEY);
  } catch {
    return null;
  }
}

export function rememberModel(model: string): void {
  try {
    localStorage.setItem(LAST_MODEL_KEY, model);
  } catch {
    // Storage may be unavailable (private profile); the default is then the local engine.
  }
}

/** Loads key status and gateways; preselects the default model until the user picks one. */
export async function refreshProviders(): Promise<void> {
  const s = useEditor.getState();
  try {
    const [keyStatus, providerSettings, prefs] = await Promise.all([
      unwrap(api().keys.status({})),
      unwrap(api().providers.get({})),
      unwrap(api().prefs.get({})),
    ]);
    s.setProviderInfo({ keyStatus: keepRejected(useEditor.getState().keyStatus, keyStatus), providerSettings });
    s.setPrefs(prefs);
    const gen = useEditor.getState().gen;
    const options = buildModelOptions(keyStatus, providerSettings.gateways);
    const last = lastUsedModel();
    const model = gen.modelChosen ? gen.model : last === AUTO_VALUE ? AUTO_VALUE : defaultModel(options, last);
    if (model === AUTO_VALUE && model !== gen.model) s.setGen({ model });
    const spec = options.find((o) => o.value === model)?.spec;
    if (spec && model !== gen.model) s.setGen({ model, n: clampN(gen.n, spec) });
  } catch (e) {
    const info = errorInfo(e);
    s.notify('error', `Could not read provider settings: ${info.message}`, info.kind);
  }
}

/**
 * The keys as main reports them, with a refusal seen in this session kept on a key that is still the
 * same one (set, same last four, same source): opening Settings read the keys again and showed a
 * refused key as fine.
 */
export function keepRejected(before: readonly KeyStatus[], now: KeyStatus[]): KeyStatus[] {
  return now.map((k) => {
    const old = before.find((b) => b.provider === k.provider);
    if (!old?.rejected || !k.isSet || old.last4 !== k.last4 || old.source !== k.source) return k;
    return { ...k, rejected: true, rejectedAt: old.rejectedAt };
  });
}

/** A key was set or removed for `provider`: a refusal of the old one no longer applies. */
function forgetRejected(provider: string): void {
  const s = useEditor.getState();
  if (!s.keyStatus.some((k) => k.provider === provider && k.rejected)) return;
  s.setProviderInfo({
    keyStatus: s.keyStatus.map((k) => (k.provider === provider ? { ...k, rejected: undefined, rejectedAt: undefined } : k)),
  });
}

async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    const info = errorInfo(e);
    useEditor.getState().notify('error', info.message, info.kind);
    return undefined;
  } finally {
    await refreshProviders();
  }
}

export async function setKey(provider: string, key: string): Promise<boolean> {
  const r = await guarded(async () => {
    const done = await unwrap(api().keys.set({ provider, key }));
    forgetRejected(provider);
    return done;
  });
  return !!r;
}

export async function removeKey(provider: string): Promise<boolean> {
  const r = await guarded(async () => {
    const done = await unwrap(api().keys.remove({ provider }));
    forgetRejected(provider);
    return done;
  });
  return !!r;
}

export async function saveGateway(g: GatewaySettings): Promise<boolean> {
  const r = await guarded(() =>
    unwrap(
      api().gateways.set({
        id: g.id,
        name: g.name,
        baseURL: g.baseURL,
        modelIds: g.modelIds,
        ...(g.template ? { template: g.template } : {}),
      }),
    ),
  );
  return !!r;
}

/** Removes a gateway and its key. */
export async function removeGateway(id: string): Promise<boolean> {
  const r = await guarded(async () => {
    const settings = await unwrap(api().gateways.remove({ id }));
    const hasKey = useEditor.getState().keyStatus.some((k) => k.provider === `gateway:${id}` && k.isSet);
    if (hasKey) await unwrap(api().keys.remove({ provider: `gateway:${id}` }));
    return settings;
  });
  return !!r;
}

/** Re-reads the user's app settings from main (after a job: learned latencies; after a change elsewhere). */
export async function refreshPrefs(): Promise<void> {
  try {
    useEditor.getState().setPrefs(await unwrap(api().prefs.get({})));
  } catch {
    // Keep what we have; the next refresh tries again.
  }
}

/** Saves Settings → Spend cap in main (a limit left out is off); a refusal is shown and nothing changes. */
export async function saveSpendCap(cap: SpendCap): Promise<boolean> {
  try {
    useEditor.getState().setPrefs(await unwrap(api().prefs.spendCap({ ...cap })));
    return true;
  } catch (e) {
    const info = errorInfo(e);
    useEditor.getState().notify('error', info.message, info.kind);
    return false;
  }
}

/** Saves the routing rules in main; a refusal is shown and nothing changes. */
export async function saveRouting(settings: RoutingSettings): Promise<boolean> {
  try {
    useEditor.getState().setPrefs(await unwrap(api().prefs.routing({ settings: JSON.stringify(settings) })));
    return true;
  } catch (e) {
    const info = errorInfo(e);
    useEditor.getState().notify('error', info.message, info.kind);
    return false;
  }
}
