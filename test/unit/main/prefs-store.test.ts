/** The user's app settings in main: routing rules, learned latencies, prompt history, presets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PrefsStore } from '../../../electron/main/services/prefs-store';
import { DEFAULT_PRESETS } from '../../../shared/prompts/prompts';
import { DEFAULT_ROUTING } from '../../../shared/routing';
import { maskForEdit, startMainWithServers, type CloudHarness } from '../../support/main-harness';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-prefs-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('PrefsStore', () => {
  it('starts from the defaults and survives a restart (file written atomically)', async () => {
    const file = join(tmp, 'a', 'prefs.json');
    const a = new PrefsStore(file);
    expect(a.get().routing).toEqual(DEFAULT_ROUTING);
    expect(a.get().presets).toEqual(DEFAULT_PRESETS);
    const rules = {
      defaultModel: 'gemini-3.1-flash-image',
      rules: [{ id: 'draft', enabled: false, when: { kind: 'draft-preset' }, use: 'cheapest' }],
    };
    a.setRouting(JSON.stringify(rules));
    a.recordPrompt('a glass vase', 'box.jpg 600×400');
    a.recordPrompt('a wooden bench', null);
    a.recordPrompt('a glass vase', 'box.jpg 600×400');
    for (const s of [3.1, 4.2, 5.0]) a.recordLatency('gpt-image-2', { width: 1024, height: 1024 }, s);
    a.setPresets(JSON.stringify([{ id: 'mine', name: 'Mine', prompt: 'make it blue', draft: false }]));
    await a.flushed();
    const b = new PrefsStore(file);
    expect(b.get().routing).toEqual(rules);
    expect(b.get().history).toEqual({ global: ['a glass vase', 'a wooden bench'], byDoc: { 'box.jpg 600×400': ['a glass vase'] } });
    expect(b.get().latency).toEqual({ 'gpt-image-2@1K': [3.1, 4.2, 5] });
    expect(b.get().presets).toEqual([{ id: 'mine', name: 'Mine', prompt: 'make it blue', draft: false }]);
    expect((await readdir(join(tmp, 'a'))).sort()).toEqual(['prefs.json']);
  });

  it('refuses malformed rules and presets with a clear error and changes nothing', () => {
    const s = new PrefsStore(null);
    expect(() => s.setRouting('{"rules":[{"id":"x"}],"defaultModel":"local"}')).toThrow(
      'These routing rules are not valid; nothing was changed.',
    );
    expect(() => s.setRouting('not json')).toThrow('not valid');
    expect(() => s.setPresets('[{"id":"Bad Id","name":"x","prompt":"","draft":false}]')).toThrow('These prompt presets are not valid');
    expect(s.get().routing).toEqual(DEFAULT_ROUTING);
    expect(s.get().presets).toEqual(DEFAULT_PRESETS);
  });

  it('keeps a damaged file aside before replacing it', async () => {
    const dir = join(tmp, 'damaged');
    const file = join(dir, 'prefs.json');
    await rm(dir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    await writeFile(file, '{ this is not json');
    const s = new PrefsStore(file);
    expect(s.get().routing).toEqual(DEFAULT_ROUTING);
    s.recordPrompt('hello', null);
    await s.flushed();
    const names = await readdir(dir);
    const aside = names.find((n) => n.startsWith('prefs.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside!), 'utf8')).toBe('{ this is not json');
    expect(JSON.parse(await readFile(file, 'utf8')).history.global).toEqual(['hello']);
  });
});

describe('prefs through the handler table', () => {
  let cloud: CloudHarness;
  beforeAll(async () => {
    cloud = await startMainWithServers({ MASKWORK_STREAM: '0' });
  });
  afterAll(async () => {
    await cloud?.close();
  });

  it('learns the latency of each cloud request (model, size tier) and validates what the renderer sends', async () => {
    const { main } = cloud;
    const img = await main.call('image:import', { bytes: new Uint8Array(await readFile(join(PHOTOS, 'coffee.png'))), name: 'coffee.png' });
    const mask = await maskForEdit(join(PHOTOS, 'coffee.mask-blob.png'));
    const before = await main.call('prefs:get', {});
    expect(before.latency).toEqual({});
    for (let i = 0; i < 2; i++) {
      const { jobId } = await main.call<{ jobId: string }>('edit:start', {
        canvas: { width: img.width, height: img.height },
        layers: [{ assetId: img.assetId, x: 0, y: 0 }],
        mask: { png: mask.png, rect: mask.rect },
        prompt: 'a glass vase',
        model: 'gpt-image-2',
        n: 1,
        quality: 'low',
        references: [],
        featherPx: 6,
        colorMatch: true,
      });
      expect((await main.waitJob(jobId)).state).toBe('done');
    }
    const after = await main.call('prefs:get', {});
    const keys = Object.keys(after.latency);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^gpt-image-2@(512|1K|2K)$/);
    expect(after.latency[keys[0]]).toHaveLength(2);
    for (const s of after.latency[keys[0]]) expect(s).toBeGreaterThan(0);
    const bad = await main.callRaw('prefs:routing', { settings: '{"rules":"all","defaultModel":"local"}' });
    expect(bad.ok).toBe(false);
    expect(bad.error.kind).toBe('invalid-request');
    const ok = await main.call('prefs:prompt', { prompt: '  change the text  ', docKey: 'coffee.png 600×400' });
    expect(ok.history.global[0]).toBe('change the text');
  });
});
