/**
 * The renderer's only door to the OS: `window.maskwork`, typed from the shared contract. `call`
 * unwraps a Result and throws a `BridgeError` carrying the typed error, so UI code can show it.
 */
import type { MaskworkApi } from '../../shared/ipc/bridge';
import type { AppErrorInfo, Result } from '../../shared/errors';

declare global {
  interface Window {
    maskwork?: MaskworkApi;
  }
}

export class BridgeError extends Error {
  constructor(readonly info: AppErrorInfo) {
    super(info.message);
    this.name = 'BridgeError';
  }
}

export function api(): MaskworkApi {
  if (!window.maskwork) {
    throw new BridgeError({
      kind: 'internal',
      message: 'Maskwork is running without its main process (window.maskwork is missing). Start it with `npm start` or `npm run dev`.',
    });
  }
  return window.maskwork;
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const r = await pending;
  if (!r.ok) throw new BridgeError(r.error);
  return r.value;
}

export function errorInfo(e: unknown): AppErrorInfo {
  if (e instanceof BridgeError) return e.info;
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}
