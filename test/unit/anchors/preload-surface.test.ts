/**
 * Anchor for the BUILT preload, out/preload/index.cjs (from electron/preload/index.ts): it is a
 * CommonJS script that, with only `electron` to require, exposes exactly one world key, `maskwork`,
 * whose functions are exactly the contract's channels and events, each channel forwarding to
 * `ipcRenderer.invoke('maskwork:<channel>', payload)`; nothing generic (invoke/send/on) leaks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import { bridgeSurface, DROP_CHANNELS } from '../../../shared/ipc/bridge';
import { channelNames, eventNames, IPC_EVENT_CHANNEL, ipcChannel } from '../../../shared/ipc/contract';

const PRELOAD = resolve(__dirname, '../../../out/preload/index.cjs');
/** Stand-ins for a File dragged from disk and one made in the page. */
const DISK_FILE = { kind: 'dragged from disk' };
const PAGE_FILE = { kind: 'made in the page' };

interface Loaded {
  exposed: Array<{ key: string; api: any }>;
  invokes: Array<{ channel: string; payload: unknown }>;
  rendererListeners: Map<string, Array<(...a: any[]) => void>>;
  requires: string[];
  ipcRenderer: Record<string, unknown>;
}

function loadPreload(): Loaded {
  if (!existsSync(PRELOAD)) {
    throw new Error(`${PRELOAD} is missing: run npm run build (the anchor checks the built preload, not the source).`);
  }
  const code = readFileSync(PRELOAD, 'utf8');
  const out: Loaded = { exposed: [], invokes: [], rendererListeners: new Map(), requires: [], ipcRenderer: {} };
  const ipcRenderer = {
    invoke: (channel: string, payload: unknown) => {
      out.invokes.push({ channel, payload });
      return Promise.resolve({ ok: true, value: { echoed: channel } });
    },
    on: (channel: string, fn: (...a: any[]) => void) => {
      out.rendererListeners.set(channel, [...(out.rendererListeners.get(channel) ?? []), fn]);
      return ipcRenderer;
    },
    send: () => {
      throw new Error('the preload must not use ipcRenderer.send');
    },
    sendSync: () => {
      throw new Error('the preload must not use ipcRenderer.sendSync');
    },
  };
  out.ipcRenderer = ipcRenderer;
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => out.exposed.push({ key, api }) };
  // Electron's webUtils: a dragged file's path; throws for anything that is not a File (here: not DISK_FILE).
  const webUtils = {
    getPathForFile: (file: unknown) => {
      if (file === DISK_FILE) return '/photos/cups.jpg';
      if (file === PAGE_FILE) return '';
      throw new TypeError('not a File');
    },
  };
  const fakeRequire = (id: string) => {
    out.requires.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer, webUtils };
    throw new Error(`the sandboxed preload required "${id}"`);
  };
  const module = { exports: {} as unknown };
  // Node's CommonJS wrapper; a file with ESM syntax (import/export) fails to compile here.
  const wrapper = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${code}\n})`, { filename: PRELOAD });
  const context = vm.createContext({ console });
  wrapper.runInContext(context)(module.exports, fakeRequire, module, PRELOAD, resolve(PRELOAD, '..'));
  return out;
}

/** Every path in the exposed object whose value is a function, e.g. `image.open`. */
function functionPaths(obj: any, prefix = ''): string[] {
  const paths: string[] = [];
  for (const key of Object.getOwnPropertyNames(obj)) {
    const v = obj[key];
    const p = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'function') paths.push(p);
    else if (v && typeof v === 'object') paths.push(...functionPaths(v, p));
  }
  return paths.sort();
}

function allKeys(obj: any, prefix = ''): string[] {
  const keys: string[] = [];
  for (const key of Object.getOwnPropertyNames(obj)) {
    const p = prefix ? `${prefix}.${key}` : key;
    keys.push(p);
    const v = obj[key];
    if (v && typeof v === 'object') keys.push(...allKeys(v, p));
  }
  return keys;
}

let loaded: Loaded;
beforeAll(() => {
  loaded = loadPreload();
});

describe('out/preload/index.cjs (built from electron/preload/index.ts)', () => {
  it('is CommonJS: no ESM import/export statements, electron loaded with require()', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    expect(code).not.toMatch(/^\s*import\s*(?:[{*'"]|[\w$]+\s+from\b|type\s)/m);
    expect(code).not.toMatch(/^\s*export\s+(?:\{|\*|default\b|const\b|let\b|var\b|function\b|class\b|async\b)/m);
    expect(code).not.toMatch(/\bimport\.meta\b/);
    expect(code).toMatch(/require\(\s*["']electron["']\s*\)/);
    expect(loaded.requires).toEqual(['electron']);
  });

  it('exposes exactly one world key, "maskwork"', () => {
    expect(loaded.exposed.map((e) => e.key)).toEqual(['maskwork']);
  });

  it('exposes exactly bridgeSurface(): one function per contract channel and per event', () => {
    const api = loaded.exposed[0].api;
    const paths = functionPaths(api);
    expect(paths).toEqual(bridgeSurface());
    const channelPaths = paths.filter((p) => !p.startsWith('events.'));
    expect(channelPaths).toEqual(channelNames.map((c) => c.replace(':', '.')).sort());
    expect(paths.filter((p) => p.startsWith('events.'))).toHaveLength(eventNames.length);
  });

  it('each bridge function invokes ipcRenderer.invoke("maskwork:<channel>", payload) and returns its result', async () => {
    const api = loaded.exposed[0].api;
    loaded.invokes.length = 0;
    for (const channel of channelNames) {
      const [domain, verb] = channel.split(':');
      const payload = { probe: channel };
      const result = await api[domain][verb](payload);
      expect(result).toEqual({ ok: true, value: { echoed: ipcChannel(channel) } });
      const last = loaded.invokes.at(-1)!;
      expect(last.channel).toBe(`maskwork:${channel}`);
      // The import channels send a copy (their `file` becomes a path); every other payload as it is.
      if ((DROP_CHANNELS as readonly string[]).includes(channel)) expect(last.payload).toEqual(payload);
      else expect(last.payload).toBe(payload);
    }
    expect(loaded.invokes).toHaveLength(channelNames.length);
  });

  it('a dropped file goes to main as the path webUtils gives, never a path the page wrote', async () => {
    const api = loaded.exposed[0].api;
    const bytes = new Uint8Array([1, 2, 3]);
    const sent = async (request: Record<string, unknown>, channel: 'image:import' | 'project:import' = 'image:import') => {
      const [domain, verb] = channel.split(':');
      await api[domain][verb](request);
      return loaded.invokes.at(-1)!.payload;
    };
    expect(await sent({ bytes, name: 'cups.jpg', file: DISK_FILE })).toEqual({ bytes, name: 'cups.jpg', path: '/photos/cups.jpg' });
    expect(await sent({ bytes, name: 'cups.maskwork', file: DISK_FILE }, 'project:import')).toEqual({
      bytes,
      name: 'cups.maskwork',
      path: '/photos/cups.jpg',
    });
    // A File made in the page has no path; anything else makes webUtils throw: the bytes go as a copy.
    expect(await sent({ bytes, name: 'a.png', file: PAGE_FILE })).toEqual({ bytes, name: 'a.png' });
    expect(await sent({ bytes, name: 'a.png', file: 'not a file' })).toEqual({ bytes, name: 'a.png' });
    // A path written by the page is dropped, with or without a file.
    expect(await sent({ bytes, name: 'a.png', path: '/etc/passwd' })).toEqual({ bytes, name: 'a.png' });
    expect(await sent({ bytes, name: 'a.png', path: '/etc/passwd', file: DISK_FILE })).toEqual({
      bytes,
      name: 'a.png',
      path: '/photos/cups.jpg',
    });
  });

  it('exposes nothing generic: no invoke/send/on/ipcRenderer, no writable or extensible objects', () => {
    const api = loaded.exposed[0].api;
    const names = allKeys(api).map((k) => k.split('.').pop()!);
    for (const banned of ['invoke', 'send', 'sendSync', 'on', 'once', 'postMessage', 'ipcRenderer', 'require', 'process']) {
      expect(names).not.toContain(banned);
    }
    const values = allKeys(api).map((k) => k.split('.').reduce((o: any, part) => o[part], api));
    for (const v of Object.values(loaded.ipcRenderer)) expect(values).not.toContain(v);
    expect(values).not.toContain(loaded.ipcRenderer);
    expect(Object.isFrozen(api)).toBe(true);
    for (const k of Object.keys(api)) expect(Object.isFrozen(api[k])).toBe(true);
  });

  it('events reach subscribers only for contract event names, through the one event channel', () => {
    const api = loaded.exposed[0].api;
    expect([...loaded.rendererListeners.keys()]).toEqual([IPC_EVENT_CHANNEL]);
    const seen: unknown[] = [];
    const off = api.events.onJobProgress((p: unknown) => seen.push(p));
    const deliver = loaded.rendererListeners.get(IPC_EVENT_CHANNEL)![0];
    deliver({}, 'job:progress', { jobId: 'a', fraction: 0.5, stage: 's' });
    deliver({}, 'not:an-event', { jobId: 'b' });
    off();
    deliver({}, 'job:progress', { jobId: 'c', fraction: 1, stage: 's' });
    expect(seen).toEqual([{ jobId: 'a', fraction: 0.5, stage: 's' }]);
  });
});
