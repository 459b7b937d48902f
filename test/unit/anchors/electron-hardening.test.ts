/**
 * Anchors for the Electron hardening the build machines cannot launch: the fuses in the
 * electron-builder config (package.json → build.electronFuses), the permission handlers that deny
 * every permission (electron/main/window.ts, with a mocked `electron`), and the `app://` protocol
 * that serves the renderer instead of `file://` (electron/main/app-protocol.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const fake = vi.hoisted(() => ({
  checkHandlers: [] as Array<(...a: any[]) => boolean>,
  requestHandlers: [] as Array<(...a: any[]) => void>,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { setWindowOpenHandler: () => {}, on: () => {} };
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => {} },
        setPermissionRequestHandler: (fn: any) => fake.requestHandlers.push(fn),
        setPermissionCheckHandler: (fn: any) => fake.checkHandlers.push(fn),
      },
    },
  };
});

import { createMainWindow } from '../../../electron/main/window';
import { APP_PAGE_URL, appFilePath, appResponse } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window-csp';

const REPO = resolve(__dirname, '../../..');

describe('electron-builder fuses (package.json build.electronFuses)', () => {
  const build = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).build;
  it('turn off RunAsNode, NODE_OPTIONS and --inspect, load the app only from a validated asar, no file:// extras', () => {
    expect(build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(build.asar).not.toBe(false);
  });
});

describe('permissions (electron/main/window.ts)', () => {
  beforeEach(() => {
    fake.checkHandlers.length = 0;
    fake.requestHandlers.length = 0;
  });

  it('every permission check and request is denied', () => {
    createMainWindow('/p/preload.cjs', APP_PAGE_URL);
    expect(fake.checkHandlers).toHaveLength(1);
    expect(fake.requestHandlers).toHaveLength(1);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'hid',
      'usb',
      'serial',
    ]) {
      expect(fake.checkHandlers[0](null, permission, APP_PAGE_URL, {})).toBe(false);
      let granted: boolean | undefined;
      fake.requestHandlers[0](null, permission, (ok: boolean) => (granted = ok), {});
      expect(granted, permission).toBe(false);
    }
  });
});

describe('app:// protocol (electron/main/app-protocol.ts)', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'maskwork-app-proto-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Maskwork</title>');
    await writeFile(join(root, 'assets', 'main.js'), 'console.log(1)');
    await writeFile(join(root, '..', 'maskwork-secret.txt'), 'outside').catch(() => {});
    return () => rm(root, { recursive: true, force: true });
  });

  it('the page URL is app://, not file://', () => {
    expect(APP_PAGE_URL).toBe('app://maskwork/index.html');
  });

  it('serves files inside the renderer folder with their type and the CSP', async () => {
    const page = await appResponse(root, APP_PAGE_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const js = await appResponse(root, 'app://maskwork/assets/main.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toBe('console.log(1)');
  });

  it.each([
    'app://maskwork/../maskwork-secret.txt',
    'app://maskwork/%2e%2e/maskwork-secret.txt',
    'app://maskwork/assets/..%2f..%2fmaskwork-secret.txt',
    'app://maskwork/..%5cmaskwork-secret.txt',
    'app://maskwork/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://maskwork/missing.js',
  ])('refuses %s', async (url) => {
    const r = await appResponse(root, url);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('outside');
  });

  it('appFilePath never leaves the root', () => {
    expect(appFilePath(root, 'app://maskwork/')).toBe(join(root, 'index.html'));
    expect(appFilePath(root, 'app://maskwork/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBeNull();
  });
});
