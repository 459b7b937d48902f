/**
 * Anchor for electron/main/ipc/register-ipc.ts: exactly one `ipcMain.handle` per contract channel
 * (named `maskwork:<channel>`), nothing else registered, and every call from a sender that is not our
 * own top frame showing our own page is refused before dispatch (`isTrustedSender`).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

const ipc = vi.hoisted(() => ({
  handlers: new Map<string, (event: any, payload: unknown) => unknown>(),
  handleCalls: [] as string[],
  otherCalls: [] as string[],
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: any, payload: unknown) => unknown) => {
      ipc.handleCalls.push(channel);
      ipc.handlers.set(channel, fn);
    },
    handleOnce: (channel: string) => ipc.otherCalls.push(`handleOnce ${channel}`),
    on: (channel: string) => ipc.otherCalls.push(`on ${channel}`),
    once: (channel: string) => ipc.otherCalls.push(`once ${channel}`),
  },
}));

import { channelNames, ipcChannel } from '../../../shared/ipc/contract';
import type { HandlerTable } from '../../../electron/main/ipc/dispatch';
import { isTrustedSender, registerIpc } from '../../../electron/main/ipc/register-ipc';

const APP_URL = 'file:///opt/maskwork/out/renderer/index.html';
const handlerCalls: string[] = [];

function table(): HandlerTable {
  const t: Record<string, unknown> = {};
  for (const c of channelNames) {
    t[c] = async () => {
      handlerCalls.push(c);
      return { served: c };
    };
  }
  return t as HandlerTable;
}

function frame(url: string) {
  return { url };
}

/** An invoke event from a webContents whose main frame shows `mainUrl`; `fromSubframe` sends from an iframe. */
function event(mainUrl: string, opts: { fromSubframe?: string; noFrame?: boolean } = {}) {
  const mainFrame = frame(mainUrl);
  const senderFrame = opts.noFrame ? null : opts.fromSubframe !== undefined ? frame(opts.fromSubframe) : mainFrame;
  return { sender: { mainFrame, isDestroyed: () => false, send: () => {} }, senderFrame };
}

beforeAll(() => {
  registerIpc(table(), APP_URL);
});

describe('electron/main/ipc/register-ipc.ts', () => {
  it('registers exactly one ipcMain.handle per contract channel, named maskwork:<channel>, and nothing else', () => {
    expect(ipc.handleCalls).toHaveLength(channelNames.length);
    expect(new Set(ipc.handleCalls).size).toBe(ipc.handleCalls.length);
    expect([...ipc.handleCalls].sort()).toEqual(channelNames.map((c) => `maskwork:${c}`).sort());
    expect(channelNames.map(ipcChannel)).toEqual(channelNames.map((c) => `maskwork:${c}`));
    expect(ipc.otherCalls).toEqual([]);
  });

  it('a call from our own main frame on the app URL reaches its handler (hash and query ignored)', async () => {
    for (const c of channelNames.filter((x) => x === 'app:info' || x === 'keys:status')) {
      handlerCalls.length = 0;
      const r = await ipc.handlers.get(ipcChannel(c))!(event(`${APP_URL}#/editor?x=1`), {});
      expect(r).toEqual({ ok: true, value: { served: c } });
      expect(handlerCalls).toEqual([c]);
    }
  });

  it('refuses a sender frame that is not the main frame, even on the app URL', async () => {
    handlerCalls.length = 0;
    for (const c of channelNames) {
      const r = await ipc.handlers.get(ipcChannel(c))!(event(APP_URL, { fromSubframe: APP_URL }), {});
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    const r = await ipc.handlers.get(ipcChannel('app:info'))!(event(APP_URL, { noFrame: true }), {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(handlerCalls).toEqual([]);
  });

  it('refuses a main frame whose URL differs from the app URL', async () => {
    handlerCalls.length = 0;
    const bad = [
      'https://evil.example/',
      'file:///tmp/index.html',
      `${APP_URL}.html`,
      APP_URL.replace('index.html', 'other.html'),
      'about:blank',
      'devtools://devtools/',
    ];
    for (const url of bad) {
      for (const c of channelNames) {
        const r = await ipc.handlers.get(ipcChannel(c))!(event(url), {});
        expect(r, `${url} → ${c}`).toMatchObject({ ok: false, error: { kind: 'validation' } });
      }
    }
    expect(handlerCalls).toEqual([]);
  });

  it('isTrustedSender: true only for the main frame on the app URL', () => {
    expect(isTrustedSender(event(APP_URL) as any, APP_URL)).toBe(true);
    expect(isTrustedSender(event(`${APP_URL}?a=1#b`) as any, APP_URL)).toBe(true);
    expect(isTrustedSender(event(APP_URL, { fromSubframe: APP_URL }) as any, APP_URL)).toBe(false);
    expect(isTrustedSender(event(APP_URL, { noFrame: true }) as any, APP_URL)).toBe(false);
    expect(isTrustedSender(event('https://evil.example/index.html') as any, APP_URL)).toBe(false);
  });
});
