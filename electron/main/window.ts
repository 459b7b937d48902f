/** The main window with the security defaults the design requires, and the CSP served with the page. */
import { BrowserWindow, session, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from './window-csp';
import { confirmCloseWithUnsavedChanges } from './unsaved-close';
import { DEFAULT_SIZE, MIN_SIZE, type WindowState } from './window-state';

export { CONTENT_SECURITY_POLICY };

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** `iconPath`: the app icon PNG (assets/icons/png/512x512.png, generated from assets/icon.svg). */
/** `opening`: where and how the window opens (window-state.ts: where it was left), else 1440×900 at the system's place. */
export function createMainWindow(preloadPath: string, pageUrl: string, iconPath?: string, opening?: WindowState): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // The editor needs no browser permission (files come through main's dialogs, paste is an event):
  // every permission check and request is denied.
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const win = new BrowserWindow({
    ...(opening ? opening.bounds : DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    backgroundColor: '#1e1e1e',
    title: 'Maskwork',
    ...(iconPath ? { icon: iconPath } : {}),
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (url !== pageUrl) e.preventDefault();
  });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  confirmCloseWithUnsavedChanges(win);
  win.once('ready-to-show', () => {
    if (opening?.maximized) win.maximize();
    if (opening?.fullScreen) win.setFullScreen(true);
    win.show();
  });
  void win.loadURL(pageUrl);
  return win;
}
