/**
 * Builds the renderer-facing API (`window.maskwork`) from the contract: one function per channel,
 * one `onX` subscription per event. The same builder serves the Electron preload (ipcRenderer), the
 * dev host (HTTP) and the e2e harness (Playwright binding), so every transport exposes exactly the
 * contract's surface and its type is derived, never hand-written.
 */
import type { Result } from '../errors';
import { channelNames, eventNames, type Channel, type EventName, type EventPayload, type RequestOf, type ResponseOf } from './contract';

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;
type CamelEvent<E extends string> = E extends `${infer D}:${infer V}` ? `on${Capitalize<D>}${Capitalize<V>}` : never;

export type MaskworkApi = {
  [D in Domain<Channel>]: {
    [C in Channel as Verb<C, D> extends never ? never : C extends `${D}:${string}` ? Verb<C, D> : never]: (
      request: RequestOf<C>,
    ) => Promise<Result<ResponseOf<C>>>;
  };
} & {
  events: { [E in EventName as CamelEvent<E>]: (listener: (payload: EventPayload<E>) => void) => () => void };
};

export type Invoke = (channel: Channel, request: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

export function eventMethodName(e: EventName): string {
  const [d, v] = e.split(':');
  return `on${d[0].toUpperCase()}${d.slice(1)}${v[0].toUpperCase()}${v.slice(1)}`;
}

/** Creates the API object. Everything is frozen: the page cannot add doors. */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): MaskworkApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channelNames) {
    const [domain, verb] = channel.split(':');
    api[domain] ??= {};
    api[domain][verb] = (request: unknown) => invoke(channel, request);
  }
  const ev: Record<string, unknown> = {};
  for (const e of eventNames) {
    ev[eventMethodName(e)] = (listener: (p: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return subscribe(e, listener);
    };
  }
  api.events = ev;
  for (const d of Object.values(api)) Object.freeze(d);
  return Object.freeze(api) as unknown as MaskworkApi;
}

/** Every bridge function path, e.g. `image.open`; used by the anchor test. */
export function bridgeSurface(): string[] {
  return [...channelNames.map((c) => c.replace(':', '.')), ...eventNames.map((e) => `events.${eventMethodName(e)}`)].sort();
}
