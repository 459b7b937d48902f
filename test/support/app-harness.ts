/**
 * Runs the built renderer in Chromium with `window.maskwork` wired, through a Playwright binding, to
 * the REAL main-process handler table (the same `createHandlers` + `dispatch` the Electron app
 * registers with ipcMain). Only the Electron transport itself is not exercised.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../../electron/main/create-services';
import type { MainServices } from '../../electron/main/create-services';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Dialogs } from '../../electron/main/services/dialogs';
import { startStaticServer } from '../../electron/dev-host/static-server';
import { decodeWire, encodeWire } from '../../shared/ipc/wire-codec';
import { nodeBase64 } from '../../electron/dev-host/node-base64';
import { BytesDrop } from '../../electron/dev-host/bytes-drop';
import { EventStreams } from '../../electron/dev-host/event-stream';
import { randomBytes } from 'node:crypto';
import { CHROMIUM_ARGS, findChromium } from './chromium';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const PHOTOS = resolve(REPO, process.env.MASKWORK_PHOTOS ?? '../shared/testdata/photos');

/** Dialog answers queued by the test, in order. */
export class ScriptedDialogs implements Dialogs {
  readonly opens: (string | null)[] = [];
  readonly saves: (string | null)[] = [];
  /** Batch: answers of the multi-file open dialog, and of the folder dialog. */
  readonly multiOpens: (string[] | null)[] = [];
  readonly folders: (string | null)[] = [];
  /** What main passed to each save dialog (export and project), in order: the name offered and the folder it starts in. */
  readonly asked: { dialog: 'export' | 'project'; name: string; folder?: string }[] = [];
  async chooseImagesToOpen(): Promise<string[] | null> {
    if (!this.multiOpens.length) throw new Error('test did not queue a multi-open answer');
    return this.multiOpens.shift()!;
  }
  async chooseFolder(): Promise<string | null> {
    if (!this.folders.length) throw new Error('test did not queue a folder answer');
    return this.folders.shift()!;
  }
  async chooseImageToOpen(): Promise<string | null> {
    if (!this.opens.length) throw new Error('test did not queue an open-dialog answer');
    return this.opens.shift()!;
  }
  async chooseExportPath(name: string, _format?: string, folder?: string): Promise<string | null> {
    this.asked.push({ dialog: 'export', name, ...(folder ? { folder } : {}) });
    return this.nextSave();
  }
  private nextSave(): string | null {
    if (!this.saves.length) throw new Error('test did not queue a save-dialog answer');
    return this.saves.shift()!;
  }
  /** Save / Save As of a project: answered from the same queue as exports (`saves`). */
  async chooseProjectPath(name: string, folder?: string): Promise<string | null> {
    this.asked.push({ dialog: 'project', name, ...(folder ? { folder } : {}) });
    return this.nextSave();
  }
}

export interface AppHarness {
  page: Page;
  context: BrowserContext;
  services: MainServices;
  dialogs: ScriptedDialogs;
  tmp: string;
  /** Every page error and console error, for assertions that the app kept working. */
  errors: string[];
  /**
   * Files on disk the OS would name when one is dropped on the window (Electron's webUtils knows the
   * path of a dragged file; a page does not): a dropped file found here by name and size gets its path.
   */
  dropSources: string[];
  /**
   * Loads the app in a new page of the same browser context, served by the SAME main services (asset
   * folder, autosave): what the user sees when the app is started again after a crash.
   */
  openPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchApp(
  opts: {
    env?: Record<string, string>;
    viewport?: { width: number; height: number };
    deviceScaleFactor?: number;
    /** Files the OS asked to open at launch (a double-click on them started the app): queued before the page loads. */
    launchFiles?: string[];
  } = {},
): Promise<AppHarness> {
  const rendererDir = join(REPO, 'out/renderer');
  const bridgePath = join(REPO, 'out/dev-host/bridge.js');
  if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(bridgePath)) {
    throw new Error('The renderer is not built. Run `npm run build` first (npm test does it).');
  }
  const tmp = await mkdtemp(join(tmpdir(), 'maskwork-e2e-'));
  const dialogs = new ScriptedDialogs();
  const dropSources: string[] = [];
  const services = createServices({
    host: 'test',
    version: '0.0.0-test',
    assetDir: join(tmp, 'assets'),
    settingsDir: join(tmp, 'settings'),
    dialogs,
    env: opts.env ?? {},
  });
  if (opts.launchFiles) services.launchFiles.add(opts.launchFiles);
  const table = createHandlers(services);
  // Results and events leave their large byte arrays here for the page to fetch as binary.
  const bytes = new BytesDrop();
  // Events reach each page as binary frames on a stream it opens (the bridge does, at once), as
  // Electron's IPC pushes them with their bytes; before it is open, through page.evaluate.
  const streams = new EventStreams(nodeBase64);
  const server = await startStaticServer({
    root: rendererDir,
    route: async (req, res) => streams.route(req, res) || bytes.serve(req, res),
  });
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    ...(opts.deviceScaleFactor ? { deviceScaleFactor: opts.deviceScaleFactor } : {}),
  });
  const errors: string[] = [];
  /** Wires a page of the context to the handler table and loads the app in it. */
  const wire = async (page: Page): Promise<Page> => {
    const streamId = randomBytes(12).toString('base64url');
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.exposeBinding('__maskworkInvoke', async (source, channel: string, payload: string) => {
      if (source.frame !== page.mainFrame())
        return JSON.stringify({ ok: false, error: { kind: 'validation', message: 'untrusted frame' } });
      const result = await dispatch(table, channel, decodeWire(JSON.parse(payload), nodeBase64), {
        emit: (name, body) => {
          if (streams.send(streamId, name, body)) return;
          void page
            .evaluate(([n, p]) => (window as unknown as { __maskworkDeliver(n: string, p: string): void }).__maskworkDeliver(n, p), [
              name,
              JSON.stringify(encodeWire(body, nodeBase64, bytes.drop)),
            ] as const)
            .catch(() => {});
        },
      });
      return JSON.stringify(encodeWire(result, nodeBase64, bytes.drop));
    });
    // Electron's webUtils.getPathForFile, which a page cannot call: the path of a file the test
    // listed in `dropSources` with the dropped file's name and size, else '' (opened as a copy).
    await page.exposeBinding('__maskworkPathOf', async (_source, name: string, size: number) => {
      for (const p of dropSources) if (basename(p) === name && (await stat(p).catch(() => null))?.size === size) return p;
      return '';
    });
    await page.addInitScript({ content: `window.__maskworkEventStream = ${JSON.stringify(streamId)};` });
    await page.addInitScript({ content: readFileSync(bridgePath, 'utf8') });
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { __maskworkReady?: boolean }).__maskworkReady === true, null, {
      timeout: 30_000,
    });
    return page;
  };
  const page = await wire(context.pages()[0] ?? (await context.newPage()));
  return {
    page,
    context,
    services,
    dialogs,
    tmp,
    errors,
    dropSources,
    openPage: async () => wire(await context.newPage()),
    async close() {
      streams.close();
      await context.close().catch(() => {});
      await server.close();
      bytes.clear();
      await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}
