/**
 * Anchors for electron/main/window.ts and electron/main/window-csp.ts: the main window's security
 * defaults (sandbox, isolation, no Node, no webview), no popups, no navigation away from the app
 * page, and the Content-Security-Policy header on every response.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electronFake = vi.hoisted(() => {
  type Listener = (...args: any[]) => void;
  const state = {
    windows: [] as any[],
    headerHooks: [] as Array<(details: any, cb: (r: any) => void) => void>,
    permissionHandlers: [] as Array<(...args: any[]) => void>,
  };
  class FakeBrowserWindow {
    readonly options: any;
    readonly loaded: string[] = [];
    readonly once: (name: string, fn: Listener) => void;
    windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
    readonly listeners = new Map<string, Listener[]>();
    readonly webContents = {
      setWindowOpenHandler: (fn: (details: { url: string }) => unknown) => {
        this.windowOpenHandler = fn;
      },
      on: (name: string, fn: Listener) => {
        this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      },
    };
    constructor(options: any) {
      this.options = options;
      this.once = () => {};
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
    /** Emits a webContents event the way Electron does, returning whether preventDefault was called. */
    emit(name: string, ...args: unknown[]): boolean {
      let prevented = false;
      const event = { preventDefault: () => (prevented = true) };
      for (const l of this.listeners.get(name) ?? []) l(event, ...args);
      return prevented;
    }
  }
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: any) => state.headerHooks.push(fn) },
      setPermissionRequestHandler: (fn: any) => state.permissionHandlers.push(fn),
      setPermissionCheckHandler: (fn: any) => state.permissionHandlers.push(fn),
    },
  };
  return { state, FakeBrowserWindow, session };
});

vi.mock('electron', () => ({ BrowserWindow: electronFake.FakeBrowserWindow, session: electronFake.session }));

import { createMainWindow, secureWebPreferences } from '../../../electron/main/window';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window-csp';

const PAGE = 'file:///opt/maskwork/out/renderer/index.html';
const PRELOAD = '/opt/maskwork/out/preload/index.cjs';

beforeEach(() => {
  electronFake.state.windows.length = 0;
  electronFake.state.headerHooks.length = 0;
  electronFake.state.permissionHandlers.length = 0;
});

function openWindow() {
  createMainWindow(PRELOAD, PAGE);
  expect(electronFake.state.windows).toHaveLength(1);
  return electronFake.state.windows[0];
}

describe('electron/main/window.ts', () => {
  it('secureWebPreferences: sandboxed, context-isolated, no Node, no webview tag, web security on, our preload', () => {
    const p = secureWebPreferences(PRELOAD);
    expect(p.preload).toBe(PRELOAD);
    expect(p.sandbox).toBe(true);
    expect(p.contextIsolation).toBe(true);
    expect(p.nodeIntegration).toBe(false);
    expect(p.nodeIntegrationInWorker).not.toBe(true);
    expect(p.nodeIntegrationInSubFrames).not.toBe(true);
    expect(p.webviewTag).toBe(false);
    expect(p.webSecurity).toBe(true);
    expect(p.allowRunningInsecureContent).not.toBe(true);
  });

  it('createMainWindow builds the BrowserWindow with exactly secureWebPreferences and loads the app page', () => {
    const win = openWindow();
    expect(win.options.webPreferences).toEqual(secureWebPreferences(PRELOAD));
    expect(win.loaded).toEqual([PAGE]);
  });

  it('createMainWindow denies window.open for every URL', () => {
    const win = openWindow();
    expect(win.windowOpenHandler).toBeTypeOf('function');
    for (const url of ['https://example.com/', PAGE, 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(win.windowOpenHandler({ url })).toEqual({ action: 'deny' });
    }
  });

  it('createMainWindow prevents will-navigate to any URL other than the app page', () => {
    const win = openWindow();
    expect(win.listeners.get('will-navigate')?.length).toBeGreaterThan(0);
    expect(win.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(win.emit('will-navigate', `${PAGE}.evil.html`)).toBe(true);
    // Reloading our own page is allowed (the handler does not blanket-prevent).
    expect(win.emit('will-navigate', PAGE)).toBe(false);
  });

  it('createMainWindow refuses to attach <webview>', () => {
    const win = openWindow();
    expect(win.emit('will-attach-webview', {}, {})).toBe(true);
  });

  it('createMainWindow sets the Content-Security-Policy header on responses, keeping the other headers', () => {
    openWindow();
    expect(electronFake.state.headerHooks).toHaveLength(1);
    let answer: any;
    electronFake.state.headerHooks[0]({ url: PAGE, responseHeaders: { 'X-Other': ['1'] } }, (r) => (answer = r));
    expect(answer.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(answer.responseHeaders['X-Other']).toEqual(['1']);
    expect(answer.cancel).not.toBe(true);
  });
});

describe('electron/main/window-csp.ts', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values] as const;
      }),
  );

  it("CSP: default-src 'none', script-src 'self' only, and no 'unsafe-eval' anywhere", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    expect(directives.has('script-src-elem') ? directives.get('script-src-elem') : ["'self'"]).toEqual(["'self'"]);
    // No remote origins anywhere: the renderer talks to main only through the bridge.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});
