/**
 * The Electron transport (the only IPC code that needs the Electron binary): one `ipcMain.handle`
 * per contract channel, each checking that the sender is our own top frame showing our own page
 * before handing the payload to `dispatch`.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, ipcChannel, IPC_EVENT_CHANNEL } from '../../../shared/ipc/contract';
import { dispatch, type HandlerTable } from './dispatch';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return frame.url.split('#')[0].split('?')[0] === appUrl;
}

export function registerIpc(table: HandlerTable, appUrl: string): void {
  for (const channel of channelNames) {
    ipcMain.handle(ipcChannel(channel), (event, payload: unknown) => {
      if (!isTrustedSender(event, appUrl)) {
        return { ok: false, error: { kind: 'validation', message: 'IPC from an untrusted frame was refused.' } };
      }
      return dispatch(table, channel, payload, {
        emit: (name, body) => sendEvent(event.sender, name, body),
      });
    });
  }
}

function sendEvent(target: WebContents, name: string, payload: unknown): void {
  if (!target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, name, payload);
}
