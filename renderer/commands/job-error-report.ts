/**
 * A job's error as the user sees it: a toast, and for a refusal (moderation) the offer to retry the
 * same request on another usable model (the toast's buttons; renderer/commands/job-client.ts retryOn).
 */
import type { AppErrorInfo } from '../../shared/errors';
import { modelOptions } from './current-estimate';
import type { EditorStore } from './store/store';

export function reportJobError(store: { getState(): EditorStore }, info: AppErrorInfo, model: string, modelName: string): void {
  const st = () => store.getState();
  const s = st();
  if (info.kind !== 'moderation') {
    s.notify('error', info.message, info.kind, 'generate');
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
