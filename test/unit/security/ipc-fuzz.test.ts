/**
 * IPC fuzz over every channel of shared/ipc/contract.ts through electron/main/ipc/dispatch.ts, with
 * a fixed seed and a time budget: random and boundary values, deleted and added fields, prototype
 * keys (`__proto__`, `constructor`, `toString` …, as own properties and through JSON.parse), objects
 * with foreign prototypes, deep nesting. Dispatch must never throw; anything that reaches a handler
 * must re-validate, be a plain object without prototype keys; nothing may pollute Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { channelNames, channels, events, type Channel } from '../../../shared/ipc/contract';
import { parse } from '../../../shared/ipc/schema';
import { dispatch, type HandlerTable } from '../../../electron/main/ipc/dispatch';

const SEED = 0x5eed2026;
const BUDGET_MS = 4000;
const PER_CHANNEL = 600;

/** mulberry32: small, fast, reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bytes = () => new Uint8Array([137, 80, 78, 71]);
const layer = { assetId: 'img-0123456789abcdef0123456789abcdef', x: 0, y: 0 };
const rect = { x: 0, y: 0, width: 10, height: 10 };

/** One valid request per channel (a new channel must be added here). */
const VALID: Record<string, Record<string, unknown>> = {
  'app:info': {},
  'image:open': { checkLater: true },
  'image:import': { bytes: bytes(), name: 'photo.png', checkLater: true, path: '/home/user/photo.png' },
  'image:check': { assetId: layer.assetId },
  'image:recent': {},
  'image:reopen': { recentPath: '/tmp/photo.jpg', checkLater: true },
  'image:revert': { original: layer.assetId, path: '/tmp/photo.jpg', checkLater: true },
  'launch:watch': {},
  'launch:take': { checkLater: true },
  'asset:put': { bytes: bytes(), kind: 'patch' },
  'asset:patch': { assetId: 'patch-0123456789abcdef0123456789abcdef' },
  'image:export': { canvas: { width: 10, height: 10 }, layers: [layer], format: 'png', quality: 90 },
  'layers:merge': { original: layer.assetId, lower: { ...layer, opacity: 0.5 }, upper: layer },
  'layers:original': { original: layer.assetId },
  'keys:status': {},
  'keys:set': { provider: 'openai', key: 'sk-test-abcdefgh1234' },
  'keys:remove': { provider: 'openai' },
  'providers:get': {},
  'edit:start': {
    canvas: { width: 10, height: 10 },
    layers: [layer],
    mask: { png: bytes(), rect },
    prompt: 'remove the sign',
    model: 'local',
    n: 1,
    references: [],
    featherPx: 4,
    colorMatch: true,
    seed: 3,
  },
  'outpaint:start': {
    canvas: { width: 30, height: 10 },
    original: rect,
    layers: [layer],
    prompt: 'extend',
    model: 'local',
    n: 1,
    featherPx: 8,
  },
  'outpaint:prepare': {
    canvas: { width: 30, height: 10 },
    original: rect,
    layers: [layer],
    prompt: '',
    model: 'gpt-image-2',
    n: 1,
    featherPx: 8,
  },
  'engine:warm': { model: 'local' },
  'gateways:set': { id: 'gw-1', name: 'Gateway', baseURL: 'https://gw.example/v1', modelIds: ['m1'] },
  'gateways:remove': { id: 'gw-1' },
  'job:cancel': { jobId: 'job-1' },
  'job:result': { jobId: 'job-1' },
  'project:autosave': { project: '{"current":{}}', tiles: bytes() },
  'project:recover': {},
  'project:discard': {},
  'project:save': { project: '{"current":{}}', tiles: bytes(), saveAs: true },
  'project:open': { recentPath: '/tmp/a.maskwork' },
  'project:revert': { docId: 'doc-1' },
  'project:import': { bytes: bytes(), name: 'a.maskwork', path: '/home/user/a.maskwork' },
  'project:recent': {},
  'spend:summary': {},
  'prefs:get': {},
  'prefs:routing': { settings: '{"rules":[],"defaultModel":"local"}' },
  'prefs:presets': { presets: '[]' },
  'prefs:spendCap': { dailyUsd: 5, monthlyUsd: 50 },
  'prefs:prompt': { prompt: 'a glass vase', docKey: 'box.jpg 600×400' },
  'batch:addImages': {},
  'batch:addDropped': { bytes: bytes(), name: 'coffee.png', path: '/home/user/coffee.png' },
  'batch:addFolder': {},
  'batch:chooseMask': {},
  'batch:pickMask': { fileId: 'f-1', mask: 'smarties.mask-box.png' },
  'batch:estimate': { fileIds: ['f-1'], prompt: 'remove it', model: 'local', mode: 'now' },
  'batch:start': { fileIds: ['f-1'], maskId: 'm-1', prompt: 'remove it', model: 'local', mode: 'now', featherPx: 4, colorMatch: true },
  'batch:watch': {},
  'batch:list': {},
  'batch:cancel': { batchId: 'b-1' },
  'batch:clearFinished': {},
  'batch:review': { batchId: 'b-1', itemId: 'item-1', review: 'kept' },
  'batch:redo': { batchId: 'b-1', itemId: 'item-1' },
  'batch:preview': { batchId: 'b-1', itemId: 'item-1' },
  'batch:export': { batchId: 'b-1', format: 'psd' },
};

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'prototype', '__defineGetter__'];
const BOUNDARY: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  1e6,
  1e6 + 1,
  100_001,
  '',
  ' ',
  'x'.repeat(100_001),
  '\u0000',
  '__proto__',
  '../../etc/passwd',
  '%E0%A4%A',
  '𝌆'.repeat(40),
  new Uint8Array(0),
  new Uint8Array(5),
  [],
  [null],
  {},
  Object.create(null),
  new Date(0),
  /x/,
  () => 1,
];

function randomValue(r: () => number, depth = 0): unknown {
  const k = r();
  if (k < 0.55 || depth > 3) return BOUNDARY[Math.floor(r() * BOUNDARY.length)];
  if (k < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
  if (k < 0.85) {
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(r() * 4); i > 0; i--)
      o[PROTO_KEYS[Math.floor(r() * PROTO_KEYS.length)] + (r() < 0.5 ? '' : 'x')] = randomValue(r, depth + 1);
    return o;
  }
  return Math.floor(r() * 2 ** 32) - 2 ** 31;
}

/** Paths to every object inside a sample (the root included). */
function objectPaths(v: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    out.push(path);
    for (const [k, x] of Object.entries(v)) objectPaths(x, [...path, k], out);
  }
  return out;
}

function at(root: unknown, path: string[]): Record<string, unknown> {
  let cur = root as Record<string, unknown>;
  for (const k of path) cur = cur[k] as Record<string, unknown>;
  return cur;
}

/** One valid payload per pushed event the renderer checks (a new one must be added here). */
const EVENT_VALID: Record<string, Record<string, unknown>> = {
  'batch:changed': { batchId: 'b-1a2b3c4d', state: 'running' },
  'job:progress': {
    jobId: 'job-7',
    fraction: 0.25,
    stage: 'Generating',
    phase: 'working',
    preview: { candidate: 0, bytes: bytes(), region: { x: 0, y: 0, width: 32, height: 32 }, area: 1 },
  },
};

/** One mutated payload for `channel` (or, from EVENT_VALID, an event). */
function mutate(r: () => number, channel: string, samples: Record<string, Record<string, unknown>> = VALID): unknown {
  const base = structuredClone(samples[channel]);
  const paths = objectPaths(base);
  const target = at(base, paths[Math.floor(r() * paths.length)]);
  const keys = Object.keys(target);
  const pick = r();
  if (pick < 0.3 && keys.length) target[keys[Math.floor(r() * keys.length)]] = randomValue(r);
  else if (pick < 0.4 && keys.length) delete target[keys[Math.floor(r() * keys.length)]];
  else if (pick < 0.6) {
    Object.defineProperty(target, PROTO_KEYS[Math.floor(r() * PROTO_KEYS.length)], {
      value: randomValue(r),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  } else if (pick < 0.7) {
    const key = PROTO_KEYS[Math.floor(r() * PROTO_KEYS.length)];
    const json = JSON.stringify(base);
    return JSON.parse(`{"${key}":{"polluted":true,"kind":"patch"}${json === '{}' ? '}' : `,${json.slice(1)}`}`);
  } else if (pick < 0.78) return Object.assign(Object.create({ polluted: true, ...base }), {});
  else if (pick < 0.86) return randomValue(r);
  else if (pick < 0.93) {
    let deep: unknown = {};
    for (let i = 0; i < 2000; i++) deep = { a: deep };
    if (keys.length) target[keys[Math.floor(r() * keys.length)]] = deep;
  } else if (keys.length) {
    // Boundary value for a number field, or a huge/odd string.
    const key = keys[Math.floor(r() * keys.length)];
    target[key] = typeof target[key] === 'number' ? BOUNDARY[4 + Math.floor(r() * 14)] : BOUNDARY[18 + Math.floor(r() * 8)];
  }
  return base;
}

describe('IPC fuzz (fixed seed, time budget)', () => {
  it('dispatch never throws; only valid, plain, prototype-free requests reach a handler', async () => {
    expect(channelNames.filter((c) => !(c in VALID))).toEqual([]);
    const r = rng(SEED);
    const reached: Array<{ channel: Channel; request: unknown }> = [];
    const table: Record<string, unknown> = {};
    for (const c of channelNames) {
      table[c] = async (request: unknown) => {
        reached.push({ channel: c, request });
        return {};
      };
    }
    const ctx = { emit: () => {} };
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const started = Date.now();
    let calls = 0;
    let refused = 0;
    outer: for (let round = 0; round < PER_CHANNEL; round++) {
      for (const c of channelNames) {
        if (Date.now() - started > BUDGET_MS) break outer;
        const payload = mutate(r, c);
        const result = await dispatch(table as HandlerTable, c, payload, ctx);
        calls++;
        if (!result.ok) {
          expect(result.error.kind).toBe('validation');
          refused++;
        }
      }
    }
    // Random channel names too.
    for (const name of ['', '__proto__', 'constructor', 'toString', 'app:info ', 'APP:INFO', 'image:open\u0000']) {
      const res = await dispatch(table as HandlerTable, name, {}, ctx);
      expect(res.ok).toBe(false);
    }
    for (const { channel, request } of reached) {
      const proto = Object.getPrototypeOf(request);
      expect(proto === Object.prototype || proto === null, channel).toBe(true);
      for (const k of PROTO_KEYS) expect(Object.hasOwn(request as object, k), `${channel} got own ${k}`).toBe(false);
      expect(() => parse(channels[channel].request, request)).not.toThrow();
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(calls).toBeGreaterThan(channelNames.length * 20);
    expect(refused).toBeGreaterThan(calls / 4);
    console.log(`IPC fuzz: ${calls} payloads in ${Date.now() - started} ms, ${refused} refused, ${reached.length} reached a handler`);
  });

  it('a pushed batch:changed event: mutated payloads are refused or come out as a plain, valid batch id and state', () => {
    const r = rng(SEED ^ 0xba7c);
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    let passed = 0;
    let refused = 0;
    for (let i = 0; i < PER_CHANNEL * 4; i++) {
      const payload = mutate(r, 'batch:changed', EVENT_VALID);
      let out: unknown;
      try {
        out = parse(events['batch:changed'], payload);
      } catch {
        refused++;
        continue;
      }
      passed++;
      expect(Object.getPrototypeOf(out) === Object.prototype || Object.getPrototypeOf(out) === null).toBe(true);
      expect(Object.keys(out as object).sort()).toEqual(['batchId', 'state']);
      const c = out as { batchId: unknown; state: unknown };
      expect(c.batchId).toMatch(/^[a-z0-9-]{1,64}$/);
      expect(['queued', 'running', 'submitted', 'done', 'failed', 'cancelled']).toContain(c.state);
    }
    expect(refused).toBeGreaterThan(PER_CHANNEL);
    expect(refused + passed).toBe(PER_CHANNEL * 4);
    expect(parse(events['batch:changed'], structuredClone(EVENT_VALID['batch:changed']))).toEqual(EVENT_VALID['batch:changed']);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
  it('a pushed job:progress event: mutated payloads are refused or come out plain, with a whole-number area of a real area', () => {
    const r = rng(SEED ^ 0x9a05);
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    let passed = 0;
    let refused = 0;
    for (let i = 0; i < PER_CHANNEL * 4; i++) {
      const payload = mutate(r, 'job:progress', EVENT_VALID);
      let out: unknown;
      try {
        out = parse(events['job:progress'], payload);
      } catch {
        refused++;
        continue;
      }
      passed++;
      const p = out as { fraction: unknown; preview?: Record<string, unknown> };
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      for (const k of PROTO_KEYS) expect(Object.hasOwn(out as object, k)).toBe(false);
      expect(p.fraction).toBeGreaterThanOrEqual(0);
      expect(p.fraction).toBeLessThanOrEqual(1);
      if (p.preview?.area !== undefined) {
        expect(Number.isInteger(p.preview.area)).toBe(true);
        expect(p.preview.area).toBeGreaterThanOrEqual(0);
        expect(p.preview.area).toBeLessThan(8);
      }
    }
    expect(refused).toBeGreaterThan(PER_CHANNEL);
    expect(refused + passed).toBe(PER_CHANNEL * 4);
    expect(parse(events['job:progress'], structuredClone(EVENT_VALID['job:progress']))).toEqual(EVENT_VALID['job:progress']);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
