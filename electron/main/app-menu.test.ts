import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from './app-menu';

/** Every item of a template, submenus included. */
function items(t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return t.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

describe('appMenuTemplate', () => {
  it('gives Windows and Linux no menu (so none of the default menu’s reload, DevTools or zoom keys)', () => {
    expect(appMenuTemplate('linux')).toBeNull();
    expect(appMenuTemplate('win32')).toBeNull();
  });

  it('gives macOS the app, Edit and Window menus: editing roles for text fields, no reload, DevTools or zoom', () => {
    const t = appMenuTemplate('darwin')!;
    const roles = items(t)
      .map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['appMenu', 'windowMenu', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    for (const bad of ['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'viewMenu', 'editMenu'])
      expect(roles).not.toContain(bad);
    // No accelerator of its own: the roles' standard keys only.
    expect(items(t).filter((i) => i.accelerator)).toEqual([]);
  });
});
