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

/** The channels that import dropped bytes: their `path` is never the page's; the bridge sets it from `file`. */
export const DROP_CHANNELS = ['image:import', 'project:import', 'batch:addDropped'] as const;
type DropChannel = (typeof DROP_CHANNELS)[number];

/**
 * What the page passes: the contract's request, except that an import takes the dropped `file` (a DOM
 * File) instead of a path, which only the transport can look up (Electron's webUtils, in the preload).
 */
export type BridgeRequest<C extends Channel> = C extends DropChannel ? Omit<RequestOf<C>, 'path'> & { file?: unknown } : RequestOf<C>;

export type MaskworkApi = {
  [D in Domain<Channel>]: {
    [C in Channel as Verb<C, D> extends never ? never : C extends `${D}:${string}` ? Verb<C, D> : never]: (
      request: BridgeRequest<C>,
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

/**
 * The path of a dropped File on disk, or '' (a File made in the page, a pasted image, or a transport
 * that cannot tell): Electron's `webUtils.getPathForFile` in the preload.
 */
export type PathOfFile = (file: unknown) => string | Promise<string>;

/**
 * Creates the API object. Everything is frozen: the page cannot add doors. For the import channels
 * the page's `file` becomes `path` (through `pathOf`) and a `path` the page wrote itself is dropped.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe, pathOf?: PathOfFile): MaskworkApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channelNames) {
    const [domain, verb] = channel.split(':');
    api[domain] ??= {};
    api[domain][verb] = (DROP_CHANNELS as readonly string[]).includes(channel)
      ? async (request: unknown) => invoke(channel, await withDropPath(request, pathOf))
      : (request: unknown) => invoke(channel, request);
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

/** An import request as sent: `file` replaced by its path when the transport knows one, never a page-written path. */
async function withDropPath(request: unknown, pathOf: PathOfFile | undefined): Promise<unknown> {
  if (!request || typeof request !== 'object') return request;
  const { file, path: _ignored, ...rest } = request as Record<string, unknown>;
  if (file === undefined || !pathOf) return rest;
  let path = '';
  try {
    path = await pathOf(file);
  } catch {
    // Not a File: opened as the bytes it sent.
  }
  return typeof path === 'string' && path ? { ...rest, path } : rest;
}
