/**
 * Files the OS asks Maskwork to open ("Open with", a double-click, a second launch): which command-line
 * arguments are files, the queue main keeps until the renderer takes them, the single-instance wiring
 * (with a stand-in for Electron's `app`), and the `launch:*` handlers through dispatch, as the
 * renderer calls them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LaunchFiles, launchPaths } from '../../../electron/main/services/launch-files';
import { wireLaunchFiles, type LaunchApp } from '../../../electron/main/launch-wiring';
import { createServices } from '../../../electron/main/create-services';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { OPENABLE_IMAGE_EXTENSIONS } from '../../../electron/main/services/image-files';
import { photo } from '../../fixtures/bad-images';

describe('launchPaths: the files on a command line', () => {
  it('skips the executable (and the app folder), switches and non-file URLs; resolves against the launch folder', () => {
    const argv = [
      '/opt/Maskwork/maskwork',
      '--no-sandbox',
      'a.jpg',
      '/abs/b.png',
      '--allow-file-access-from-files',
      'https://x.test/c.jpg',
    ];
    expect(launchPaths(argv, '/home/r/photos', 1)).toEqual(['/home/r/photos/a.jpg', '/abs/b.png']);
    // Unpackaged (`electron . photo.jpg`): the app folder is not a file to open.
    expect(launchPaths(['/usr/bin/electron', '.', 'photo.jpg'], '/w', 2)).toEqual(['/w/photo.jpg']);
  });

  it('turns file:// URLs (a Linux desktop entry passes %U) into paths', () => {
    const url = pathToFileURL('/home/r/My Photos/shoot 1.tif').href;
    expect(url).toContain('%20');
    expect(launchPaths(['maskwork', url], '/', 1)).toEqual(['/home/r/My Photos/shoot 1.tif']);
  });

  it('nothing after the executable: nothing to open', () => {
    expect(launchPaths(['/opt/Maskwork/maskwork'], '/', 1)).toEqual([]);
    expect(launchPaths(['maskwork', ''], '/', 1)).toEqual([]);
  });
});

describe('LaunchFiles: the queue in main', () => {
  it('hands out launches oldest first, each with the names of the files that came with it', () => {
    const q = new LaunchFiles();
    q.add(['/p/one.jpg', '/p/two.jpg', '/p/three.psd']);
    q.add(['/q/four.png']);
    q.add([]); // a launch without files queues nothing
    expect(q.take()).toEqual({ path: '/p/one.jpg', skipped: ['two.jpg', 'three.psd'] });
    expect(q.take()).toEqual({ path: '/q/four.png', skipped: [] });
    expect(q.take()).toBeNull();
  });

  it('tells the watching renderer of each launch that arrives, and says how many waited before it watched', () => {
    const q = new LaunchFiles();
    q.add(['/p/early.jpg']);
    const told: string[] = [];
    expect(q.watch((name) => told.push(name))).toBe(1);
    q.add(['/p/later.jpg', '/p/more.jpg']);
    expect(told).toEqual(['later.jpg']);
    // A reloaded page watches again: only the newest watcher is told.
    const again: string[] = [];
    q.watch((name) => again.push(name));
    q.add(['/p/last.jpg']);
    expect(told).toEqual(['later.jpg']);
    expect(again).toEqual(['last.jpg']);
  });

  it('keeps at most 64 files of a launch and 64 launches', () => {
    const q = new LaunchFiles();
    q.add(Array.from({ length: 100 }, (_, i) => `/glob/${i}.jpg`));
    expect(q.take()?.skipped).toHaveLength(63);
    for (let i = 0; i < 70; i++) q.add([`/l/${i}.jpg`]);
    expect(q.take()?.path).toBe('/l/6.jpg');
  });
});

/** Electron's `app`, as far as launch-wiring uses it. */
class FakeApp extends EventEmitter implements LaunchApp {
  quit = vi.fn();
  constructor(private readonly lock: boolean) {
    super();
  }
  requestSingleInstanceLock() {
    return this.lock;
  }
}

describe('wireLaunchFiles: one Maskwork at a time', () => {
  it('a second app quits at once and queues nothing (Electron hands its argv to the first)', () => {
    const app = new FakeApp(false);
    const q = new LaunchFiles();
    const front = vi.fn();
    expect(wireLaunchFiles(app, q, { argv: ['maskwork', 'x.jpg'], cwd: '/w', skip: 1 }, front)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(q.take()).toBeNull();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('the first app queues its own files, then a second launch’s (from that launch’s folder) and macOS open-file events, coming to the front', () => {
    const app = new FakeApp(true);
    const q = new LaunchFiles();
    const front = vi.fn();
    expect(wireLaunchFiles(app, q, { argv: ['maskwork', 'first.jpg'], cwd: '/w', skip: 1 }, front)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['maskwork', '--original-process-start-time=1', 'second.png'], '/elsewhere');
    const ev = { preventDefault: vi.fn() };
    app.emit('open-file', ev, '/Users/r/third.tif');
    expect(ev.preventDefault).toHaveBeenCalled(); // else macOS is told the app could not open it
    expect(front).toHaveBeenCalledTimes(2);
    expect([q.take()?.path, q.take()?.path, q.take()?.path]).toEqual(['/w/first.jpg', '/elsewhere/second.png', '/Users/r/third.tif']);
  });
});

describe('launch:watch and launch:take through dispatch', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'maskwork-launch-'));
  });
  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  function mainOn(launchFiles: LaunchFiles, events: { name: string; body: unknown }[]) {
    const svc = createServices({
      host: 'test',
      version: '0',
      assetDir: join(tmp, 'assets'),
      settingsDir: join(tmp, 'settings'),
      dialogs: {
        chooseImageToOpen: async () => null,
        chooseExportPath: async () => null,
      },
      launchFiles,
    });
    const table = createHandlers(svc);
    return (channel: string, payload: unknown): Promise<any> =>
      dispatch(table, channel, payload, { emit: (name, body) => events.push({ name, body }) });
  }

  it('opens the photo the OS asked for, says which came with it, then has none; the watcher hears of new ones', async () => {
    const desk = join(tmp, 'desk.jpg');
    await copyFile(photo('desk-stuff.jpg'), desk);
    const q = new LaunchFiles();
    q.add([desk, join(tmp, 'also.png')]);
    const events: { name: string; body: unknown }[] = [];
    const call = mainOn(q, events);
    expect(await call('launch:watch', {})).toEqual({ ok: true, value: { waiting: 1 } });
    const r = await call('launch:take', {});
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ name: 'desk.jpg', width: 640, height: 480, skipped: ['also.png'] });
    expect(r.value.assetId).toMatch(/^img-/);
    expect(await call('launch:take', {})).toEqual({ ok: true, value: { none: true } });
    q.add([join(tmp, 'later.jpg')]);
    expect(events).toEqual([{ name: 'launch:file', body: { name: 'later.jpg' } }]);
  });

  it('a file that is gone is a clear error, and the next launch still opens', async () => {
    const desk = join(tmp, 'desk.jpg');
    await copyFile(photo('desk-stuff.jpg'), desk);
    const q = new LaunchFiles();
    q.add([join(tmp, 'missing.jpg')]);
    q.add([desk]);
    const call = mainOn(q, []);
    const r = await call('launch:take', {});
    expect(r.ok).toBe(false);
    expect(r.error.message).toMatch(/missing\.jpg/);
    expect((await call('launch:take', {})).value).toMatchObject({ name: 'desk.jpg', skipped: [] });
  });
});

describe('file associations (package.json build.fileAssociations)', () => {
  const build = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')).build;
  it('the OS may open with Maskwork exactly the images Ctrl+O offers, and owns .maskwork projects', () => {
    const assoc = build.fileAssociations as { ext: string | string[]; rank?: string; mimeType?: string }[];
    const images = assoc.find((a) => Array.isArray(a.ext));
    expect([...(images!.ext as string[])].sort()).toEqual([...OPENABLE_IMAGE_EXTENSIONS].sort());
    // An alternative for photos (their default viewer stays), the owner of its own projects.
    expect(images!.rank).toBe('Alternate');
    expect(assoc.find((a) => a.ext === 'maskwork')).toMatchObject({ rank: 'Owner', mimeType: 'application/x-maskwork' });
    // Linux desktop entries list the image types by MIME type.
    expect(build.linux.mimeTypes).toEqual(expect.arrayContaining(['image/jpeg', 'image/png', 'image/tiff', 'image/vnd.adobe.photoshop']));
  });
});
