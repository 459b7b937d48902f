/**
 * The one path every IPC call takes in main, whatever the transport: known channel → payload
 * validated against the contract schema → handler → `{ok, value} | {ok:false, error}`. Handlers throw
 * AppError for expected failures; anything else is reported as `internal` without a stack. Every
 * string of every value leaving here — results, every error field, emitted events — is redacted
 * (electron/main/services/redact.ts), so no transport can carry a key out of main.
 */
import { AppError, type Result } from '../../../shared/errors';
import { channels, type Channel, type EventName, type EventPayload, type RequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { parse, ValidationError } from '../../../shared/ipc/schema';
import { redactDeep, redactSecrets } from '../services/redact';

export interface HandlerContext {
  /** Pushes an event to the renderer that made the call. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type HandlerTable = { [C in Channel]: (request: RequestOf<C>, ctx: HandlerContext) => Promise<ResponseOf<C>> };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export async function dispatch(table: HandlerTable, channel: unknown, payload: unknown, ctx: HandlerContext): Promise<Result<unknown>> {
  return redactDeep(await dispatchRaw(table, channel, payload, ctx));
}

async function dispatchRaw(table: HandlerTable, channel: unknown, payload: unknown, ctx: HandlerContext): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { kind: 'validation', message: `Unknown channel ${String(channel).slice(0, 64)}` } };
  }
  let request: unknown;
  try {
    request = parse(channels[channel].request, payload);
  } catch (e) {
    if (e instanceof ValidationError) {
      return { ok: false, error: { kind: 'validation', message: `Invalid request to ${channel}: ${e.message}`, rule: e.message } };
    }
    return { ok: false, error: { kind: 'validation', message: `Invalid request to ${channel}.` } };
  }
  const redactingCtx: HandlerContext = { emit: (name, body) => ctx.emit(name, redactDeep(body)) };
  try {
    const handler = table[channel] as (r: unknown, c: HandlerContext) => Promise<unknown>;
    return { ok: true, value: await handler(request, redactingCtx) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: { ...e.info } };
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { kind: 'internal', message: `Unexpected error in ${channel}: ${redactSecrets(message).slice(0, 300)}` } };
  }
}
