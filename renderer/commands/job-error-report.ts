/**
 * A job's error as the user sees it: a toast, and for a refusal (moderation) the offer to retry the
 * same request on another usable model (the toast's buttons; renderer/commands/job-client.ts retryOn).
 */
import type { AppErrorInfo } from '../../shared/errors';
import { modelOptions } from './current-estimate';
import type { EditorStore } from './store/store';
import { withCharge } from '../model/charge-words';
import { dropOnNextAction } from './drop-on-action';

/**
 * The message with the model's wire id ("gemini-3.1-flash-image") in words the rest of the app uses
 * ("Nano Banana 2 (Gemini 3.1 Flash Image)"): main's provider messages name the model as sent.
 */
export function withModelNames(s: EditorStore, message: string, ...ids: (string | undefined)[]): string {
  let out = message;
  for (const id of ids) {
    const name = id && modelOptions(s).find((o) => o.value === id || o.spec.id === id)?.spec.name;
    if (id && name && name !== id) out = out.split(id).join(name);
  }
  return out;
}

/** `charged`: whether the job was charged (chargeClause), said as the error's last sentence. */
export function reportJobError(
  store: { getState(): EditorStore; subscribe?(l: (s: EditorStore) => void): () => void },
  raw: AppErrorInfo,
  model: string,
  modelName: string,
  charged = '',
): void {
  const st = () => store.getState();
  const s = st();
  const said = withModelNames(s, raw.message, raw.model, model);
  const info = { ...raw, message: withCharge(said, charged) };
  if (info.kind === 'auth') markKeyRejected(s, info.model ?? model);
  // Only the latest failure shows (one that failed before its job showed did not clear the last one's).
  s.supersede('generate');
  if (info.kind !== 'moderation') {
    s.notify('error', info.message, info.kind, 'generate');
    countDownMessage(st(), info.message, info);
    // The Generate panel keeps saying a cap refusal for the Generate as it is now: the message goes with the next action.
    if (info.rule === 'spend-cap') dropOnNextAction(store, info.message);
    return;
  }
  const refused = (info.model && modelOptions(s).find((o) => o.value === info.model)?.spec.name) || modelName || info.model || 'The model';
  const others = modelOptions(s)
    .filter((o) => o.usable && o.value !== model && o.value !== info.model)
    .map((o) => ({ value: o.value, name: o.spec.name }));
  const named = [refused, info.model, model].some((n) => n && info.message.toLowerCase().includes(n.toLowerCase()));
  const text = named ? info.message : `${refused} refused this request: ${info.message}`;
  s.notify('error', `${text}${others.length ? ' Retry the same request on another model:' : ''}`, 'moderation', 'generate');
  const toastId = st().toasts.at(-1)?.id;
  if (toastId !== undefined && others.length) s.setRetryOffer(toastId, { refusedModel: model, models: others });
}

/**
 * A rate limit's message just shown (`message`) counts its "try again in 12 s" down to the end of the
 * service's wait (it stayed "12 s" for good). Returns when the wait ends (epoch ms), or undefined
 * when `info` is not a rate limit with a wait.
 */
export function countDownMessage(
  s: EditorStore,
  message: string,
  info: Pick<AppErrorInfo, 'kind' | 'retryAfterSeconds'>,
): number | undefined {
  if (info.kind !== 'rate-limit' || !info.retryAfterSeconds) return undefined;
  const at = Date.now() + info.retryAfterSeconds * 1000;
  const toastId = s.toasts.findLast((t) => t.message === message)?.id;
  if (toastId !== undefined) s.setToastRetryAt(toastId, at);
  return at;
}

/**
 * The key of `model`'s provider is marked refused — in the Model list and in Settings → Keys — until
 * a key is set or removed for it (reading the keys again keeps the mark while the key is the same:
 * providers-client.ts `keepRejected`).
 */
export function markKeyRejected(s: EditorStore, model: string, now = Date.now()): void {
  const provider = modelOptions(s).find((o) => o.value === model || o.spec.id === model)?.keyProvider;
  if (!provider || !s.keyStatus.some((k) => k.provider === provider && k.isSet && !k.rejected)) return;
  s.setProviderInfo({ keyStatus: s.keyStatus.map((k) => (k.provider === provider ? { ...k, rejected: true, rejectedAt: now } : k)) });
}
