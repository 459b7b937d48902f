/**
 * The application menu. Without one, Electron installs its default menu, whose accelerators act on
 * every key the page leaves unhandled: Ctrl+R / Ctrl+Shift+R reload the renderer (staged,
 * paid-for candidates and the undo history gone), Ctrl+Shift+I opens DevTools from a text field (the
 * app's Invert mask elsewhere), Ctrl+0 / Ctrl+= / Ctrl+- zoom the whole UI from a field.
 *
 * Windows and Linux get no menu: text fields handle their editing keys natively there, and every
 * other key is the app's (renderer/ui/keyboard/shortcuts.ts). macOS needs a menu for text fields'
 * Cmd+C / Cmd+V / Cmd+Z / Cmd+A, and for the application menu itself: it gets the app and Window
 * menus and an Edit menu of editing roles. The page sees each key first and the menu only acts on
 * keys the page did not handle, so outside a field Cmd+Z and Cmd+A stay the app's Undo and Mask
 * everything; no View menu (reload, DevTools, zoom).
 */
import type { MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    { role: 'appMenu' },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
