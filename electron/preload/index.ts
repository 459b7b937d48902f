/**
 * Sandboxed preload (bundled to CommonJS). It exposes exactly one function per contract channel and
 * one subscription per contract event as `window.maskwork`; nothing generic, nothing else. A dropped
 * file's path is looked up here (webUtils) and sent to main with its bytes; the page never sees it.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge';
import { eventNames, ipcChannel, IPC_EVENT_CHANNEL, type EventName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/errors';

const listeners = new Map<EventName, Set<(p: unknown) => void>>();
ipcRenderer.on(IPC_EVENT_CHANNEL, (_e, name: EventName, payload: unknown) => {
  if (!eventNames.includes(name)) return;
  for (const l of listeners.get(name) ?? []) l(payload);
});

const api = buildBridge(
  (channel, request) => ipcRenderer.invoke(ipcChannel(channel), request) as Promise<Result<unknown>>,
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
  // Throws for anything that is not a File; '' for a File made in the page.
  (file) => webUtils.getPathForFile(file as File),
);

contextBridge.exposeInMainWorld('maskwork', api);
