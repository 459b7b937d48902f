/**
 * Anchor for shared/ipc/contract.ts + electron/main/ipc/dispatch.ts: no payload reaches a handler
 * unless it matches the channel's schema. For every channel, null, a string, an unknown extra field
 * and each wrong-typed field are refused with `{ok:false, error:{kind:'validation'}}`, and the
 * handler (which would throw) is never called. Unknown channel names are refused too.
 */
import { describe, expect, it } from 'vitest';
import { channelNames, events, type Channel } from '../../../shared/ipc/contract';
import { parse } from '../../../shared/ipc/schema';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../electron/main/ipc/dispatch';

const REACHED = 'HANDLER-REACHED';

/** A handler table whose every handler records the call and throws. */
function trapTable(calls: string[]): HandlerTable {
  const table: Record<string, unknown> = {};
  for (const c of channelNames) {
    table[c] = async () => {
      calls.push(c);
      throw new Error(`${REACHED} ${c}`);
    };
  }
  return table as HandlerTable;
}

const ctx: HandlerContext = { emit: () => {} };
const bytes = () => new Uint8Array([137, 80, 78, 71]);
const layer = { assetId: 'img-0123456789abcdef0123456789abcdef', x: 0, y: 0 };

/**
 * One valid request per channel. A new channel must get a sample here: that is how the anchor knows
 * its fields are typed (and its wrong-typed variants are refused).
 */
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
  'image:export': { canvas: { width: 10, height: 10 }, layers: [layer], format: 'png' },
  'layers:merge': { original: layer.assetId, lower: { ...layer, opacity: 0.5 }, upper: layer },
  'layers:original': { original: layer.assetId },
  'keys:status': {},
  'keys:set': { provider: 'openai', key: 'sk-test-abcdefgh1234' },
  'keys:remove': { provider: 'openai' },
  'providers:get': {},
  'edit:start': {
    canvas: { width: 10, height: 10 },
    layers: [layer],
    mask: { png: bytes(), rect: { x: 0, y: 0, width: 10, height: 10 } },
    prompt: 'remove the sign',
    model: 'local',
    n: 1,
    references: [],
    featherPx: 4,
    colorMatch: true,
  },
  'outpaint:start': {
    canvas: { width: 30, height: 10 },
    original: { x: 10, y: 0, width: 10, height: 10 },
    layers: [layer],
    prompt: 'extend',
    model: 'local',
    n: 1,
    featherPx: 8,
  },
  'outpaint:prepare': {
    canvas: { width: 30, height: 10 },
    original: { x: 10, y: 0, width: 10, height: 10 },
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
  'batch:export': { batchId: 'b-1', format: 'tiff' },
};

/** A value of the wrong type for whatever `v` is. */
function wrongTypeFor(v: unknown): unknown {
  if (typeof v === 'string') return 12345;
  if (typeof v === 'number') return 'not a number';
  if (typeof v === 'boolean') return 'true';
  if (v instanceof Uint8Array) return 'iVBORw0KGgo='; // base64 text instead of bytes
  if (Array.isArray(v)) return { length: 0 };
  if (v && typeof v === 'object') return 'an object was expected';
  return Symbol('x');
}

async function expectValidation(channel: unknown, payload: unknown, calls: string[], table: HandlerTable, fieldHint?: string) {
  const r = await dispatch(table, channel, payload, ctx);
  expect(r.ok, `${String(channel)} accepted ${describePayload(payload)}`).toBe(false);
  if (r.ok) return;
  expect(r.error.kind).toBe('validation');
  expect(r.error.message).not.toContain(REACHED);
  if (fieldHint) expect(r.error.message).toContain(fieldHint);
  expect(calls).toEqual([]);
}

function describePayload(p: unknown): string {
  try {
    return JSON.stringify(p, (_k, v) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v)) ?? String(p);
  } catch {
    return String(p);
  }
}

describe('shared/ipc/contract.ts validated by electron/main/ipc/dispatch.ts', () => {
  it('every channel has a valid sample in this anchor, and that sample DOES reach the handler', async () => {
    const missing = channelNames.filter((c) => !(c in VALID));
    expect(missing, `add a valid request for ${missing.join(', ')} to VALID in this test`).toEqual([]);
    for (const c of channelNames) {
      const calls: string[] = [];
      const r = await dispatch(trapTable(calls), c, structuredClone(VALID[c]), ctx);
      expect(calls, `valid ${c} request did not reach its handler: ${describePayload(r)}`).toEqual([c]);
      expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } });
    }
  });

  it('every channel refuses null, a string, a number, an array and undefined', async () => {
    for (const c of channelNames) {
      for (const payload of [null, 'image.png', 42, [], undefined]) {
        const calls: string[] = [];
        await expectValidation(c, payload, calls, trapTable(calls));
      }
    }
  });

  it('every channel refuses an unknown extra field (on an otherwise valid request)', async () => {
    for (const c of channelNames) {
      const calls: string[] = [];
      await expectValidation(c, { ...structuredClone(VALID[c] ?? {}), smuggled: '../../etc/passwd' }, calls, trapTable(calls), 'smuggled');
      const calls2: string[] = [];
      await expectValidation(c, { __proto__: null, smuggled: 1 } as unknown, calls2, trapTable(calls2), 'smuggled');
    }
  });

  it('every channel refuses prototype names as fields (constructor, toString, __proto__, hasOwnProperty), naming them', async () => {
    for (const c of channelNames) {
      for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
        // As the transports deliver them: own enumerable keys (JSON.parse keeps `__proto__` as a key too).
        const payload = structuredClone(VALID[c] ?? {});
        Object.defineProperty(payload, key, { value: 'x', enumerable: true, configurable: true, writable: true });
        expect(Object.keys(payload)).toContain(key);
        const calls: string[] = [];
        await expectValidation(c, payload, calls, trapTable(calls), key);
      }
    }
  });

  it('nested objects refuse prototype names too (edit:start mask.constructor, image:export canvas.__proto__)', async () => {
    const mask = structuredClone(VALID['edit:start'].mask) as Record<string, unknown>;
    Object.defineProperty(mask, 'constructor', { value: 'x', enumerable: true, configurable: true, writable: true });
    const calls: string[] = [];
    await expectValidation('edit:start', { ...structuredClone(VALID['edit:start']), mask }, calls, trapTable(calls), 'mask.constructor');
    const canvas = JSON.parse('{"width":10,"height":10,"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const calls2: string[] = [];
    await expectValidation(
      'image:export',
      { ...structuredClone(VALID['image:export']), canvas },
      calls2,
      trapTable(calls2),
      'canvas.__proto__',
    );
  });

  it('every channel refuses each field given the wrong type, naming the field', async () => {
    let checked = 0;
    for (const c of channelNames) {
      const sample = VALID[c];
      if (!sample) continue;
      for (const [field, value] of Object.entries(sample)) {
        const calls: string[] = [];
        await expectValidation(c, { ...structuredClone(sample), [field]: wrongTypeFor(value) }, calls, trapTable(calls), field);
        checked++;
        // One level down too (e.g. canvas.width, mask.rect).
        if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
          for (const [inner, innerValue] of Object.entries(value)) {
            const callsInner: string[] = [];
            const bad = { ...structuredClone(sample), [field]: { ...structuredClone(value), [inner]: wrongTypeFor(innerValue) } };
            await expectValidation(c, bad, callsInner, trapTable(callsInner), `${field}.${inner}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('refuses a request that is a class instance instead of a plain object', async () => {
    for (const c of channelNames) {
      const calls: string[] = [];
      await expectValidation(c, Object.assign(new (class Smuggler {})(), structuredClone(VALID[c] ?? {})), calls, trapTable(calls));
    }
  });

  it('refuses unknown channel names, including prototype keys', async () => {
    for (const name of [
      'fs:readFile',
      'shell:openExternal',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'image:open ',
      'IMAGE:OPEN',
      '',
      null,
      42,
      { channel: 'app:info' },
    ]) {
      const calls: string[] = [];
      const r = await dispatch(trapTable(calls), name as unknown as Channel, {}, ctx);
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(calls).toEqual([]);
    }
  });

  it('the pushed batch:changed event is checked before the renderer acts on it: a batch id and a state, nothing else', () => {
    const valid = EVENT_VALID['batch:changed'];
    expect(parse(events['batch:changed'], structuredClone(valid))).toEqual(valid);
    for (const [field, value] of Object.entries(valid))
      expect(() => parse(events['batch:changed'], { ...valid, [field]: wrongTypeFor(value) }), field).toThrow(field);
    for (const bad of [
      { ...valid, batchId: '../batches.json' },
      { ...valid, batchId: '' },
      { ...valid, state: 'exploded' },
      { batchId: valid.batchId },
      { ...valid, smuggled: 1 },
      JSON.parse('{"batchId":"b-1","state":"done","__proto__":{"polluted":true}}'),
      Object.assign(new (class Smuggler {})(), valid),
      null,
      'b-1',
    ])
      expect(() => parse(events['batch:changed'], bad), JSON.stringify(bad)).toThrow();
  });

  it("the pushed job:progress event is checked before the renderer acts on it, a partial image's area too", () => {
    const valid = EVENT_VALID['job:progress'];
    const preview = valid.preview as Record<string, unknown>;
    expect(parse(events['job:progress'], structuredClone(valid))).toEqual(valid);
    for (const [field, value] of Object.entries(valid))
      expect(() => parse(events['job:progress'], { ...valid, [field]: wrongTypeFor(value) }), field).toThrow(field);
    for (const [field, value] of Object.entries(preview))
      expect(() => parse(events['job:progress'], { ...valid, preview: { ...preview, [field]: wrongTypeFor(value) } }), field).toThrow(
        `preview.${field}`,
      );
    for (const area of [-1, 1.5, 8, 1e9, Number.NaN, '0', null])
      expect(() => parse(events['job:progress'], { ...valid, preview: { ...preview, area } }), String(area)).toThrow('preview.area');
    for (const bad of [
      { ...valid, fraction: 1.5 },
      { ...valid, phase: 'sleeping' },
      { ...valid, jobId: '' },
      { ...valid, smuggled: 1 },
      { ...valid, preview: { ...preview, smuggled: 1 } },
      { ...valid, preview: { ...preview, region: { x: 0, y: 0, width: 0, height: 5 } } },
      { jobId: 'job-1', fraction: 0.5 },
      null,
      'job-1',
    ])
      expect(() => parse(events['job:progress'], bad), JSON.stringify(bad)).toThrow();
    // Without an area (one region), and carrying a candidate's pixels ahead of the result.
    const { area: _area, ...whole } = preview;
    const patch = {
      candidate: 0,
      size: { width: 4, height: 4 },
      origin: { x: 3, y: 5 },
      pixels: { rect: { x: 0, y: 0, width: 1, height: 1 }, rgba: new Uint8Array(4) },
      sentAt: 1.5e12,
    };
    expect(parse(events['job:progress'], { ...valid, preview: whole, patch })).toEqual({ ...valid, preview: whole, patch });
  });
});

/** One valid payload per pushed event that carries fields main does not merely type (a new one gets a sample here). */
const EVENT_VALID: Record<string, Record<string, unknown>> = {
  'batch:changed': { batchId: 'b-1a2b3c4d', state: 'done' },
  // An edit in areas: area 2's partial image over its region (spot healing in areas).
  'job:progress': {
    jobId: 'job-1',
    fraction: 0.4,
    stage: 'Generating with GPT-Image-2',
    phase: 'working',
    preview: { candidate: 0, bytes: new Uint8Array([137, 80, 78, 71]), region: { x: 10, y: 20, width: 64, height: 48 }, area: 2 },
  },
};
