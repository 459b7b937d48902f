/** Electron entry: create services, register the IPC handlers, open the window. */
import { app, BrowserWindow } from 'electron';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServices } from './create-services';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register-ipc';
import { createMainWindow } from './window';
import { electronDialogs } from './electron-dialogs';
import { safeStorageBackend } from './safe-storage-backend';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const pageUrl = pathToFileURL(join(here, '../renderer/index.html')).href;

app.enableSandbox();
let mainWindow: BrowserWindow | null = null;

app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (ev, url) => {
    if (url !== pageUrl) ev.preventDefault();
  });
});

void app.whenReady().then(() => {
  const services = createServices({
    host: 'electron',
    version: app.getVersion(),
    assetDir: join(app.getPath('userData'), 'assets'),
    settingsDir: app.getPath('userData'),
    dialogs: electronDialogs(() => mainWindow),
    secretBackend: safeStorageBackend,
  });
  registerIpc(createHandlers(services), pageUrl);
  mainWindow = createMainWindow(preloadPath, pageUrl);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(preloadPath, pageUrl);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
