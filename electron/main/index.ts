/** Electron entry: create services, register the IPC handlers, open the window. */
import { app, BrowserWindow, Menu, protocol, screen } from 'electron';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from './create-services';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register-ipc';
import { createMainWindow } from './window';
import { appMenuTemplate } from './app-menu';
import { electronDialogs } from './electron-dialogs';
import { safeStorageBackend } from './safe-storage-backend';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponse } from './app-protocol';
import { LaunchFiles } from './services/launch-files';
import { wireLaunchFiles } from './launch-wiring';
import { assetKeepDays, sweepAssets } from './services/asset-sweep';
import { loadWindowState, openingState, saveWindowState, trackWindowState } from './window-state';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const rendererRoot = join(here, '../renderer');
/** out/main/ → the repository (or packaged app) root, where assets/icons/ lives. */
const ICON_PATH = join(here, '../../assets/icons/png/512x512.png');
// The renderer is served from app://maskwork/ (see app-protocol.ts), never from file://.
const pageUrl = APP_PAGE_URL;

app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
let mainWindow: BrowserWindow | null = null;

// One app at a time: a second launch hands its files (argv) to this one and quits (launch-wiring.ts).
const launchFiles = new LaunchFiles();
const firstInstance = wireLaunchFiles(
  app,
  launchFiles,
  { argv: process.argv, cwd: process.cwd(), skip: process.defaultApp ? 2 : 1 },
  () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  },
);

app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (ev, url) => {
    if (url !== pageUrl) ev.preventDefault();
  });
});

if (firstInstance)
  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, (request) => appResponse(rendererRoot, request.url));
    const services = createServices({
      host: 'electron',
      version: app.getVersion(),
      assetDir: join(app.getPath('userData'), 'assets'),
      settingsDir: app.getPath('userData'),
      dialogs: electronDialogs(() => mainWindow),
      secretBackend: safeStorageBackend,
      launchFiles,
    });
    registerIpc(createHandlers(services), pageUrl);
    // The asset folder keeps only what the autosave and the settings name (asset-sweep.ts).
    void sweepAssets(app.getPath('userData'), services.autosave, services.store, assetKeepDays(process.env)).catch(() => {});
    // Not Electron's default menu: its reload, DevTools and zoom keys (see app-menu.ts).
    const menu = appMenuTemplate(process.platform);
    Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
    // The window opens where it was left (window-state.ts).
    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const openWindow = () => {
      const primary = screen.getPrimaryDisplay();
      const screens = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
      const win = createMainWindow(preloadPath, pageUrl, ICON_PATH, openingState(loadWindowState(stateFile), screens));
      trackWindowState(win, (state) => saveWindowState(stateFile, state));
      return win;
    };
    mainWindow = openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
    });
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
