/**
 * The bad-image corpus (test/fixtures/bad-images.ts → BAD_IMAGES): every broken, hostile or
 * unsupported file gets its typed error and a message that names the file and says what is wrong,
 * through the same `image:import` channel drag-and-drop and paste use; nothing is stored for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BAD_IMAGES, photo, truncated } from '../../fixtures/bad-images';
import { startMain, type MainHarness } from '../../support/main-harness';

let main: MainHarness;
beforeAll(async () => {
  main = await startMain();
});
afterAll(async () => main?.close());

describe('bad-image corpus', () => {
  it('has at least 25 kinds', () => {
    expect(BAD_IMAGES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(BAD_IMAGES.map((b) => b.kind)).size).toBe(BAD_IMAGES.length);
  });

  it.each(BAD_IMAGES.map((b) => [b.kind, b] as const))('%s', async (_kind, b) => {
    const t0 = Date.now();
    const r = await main.callRaw('image:import', { bytes: await b.bytes(), name: b.name });
    expect(r.ok, JSON.stringify(r.value ?? null)?.slice(0, 200)).toBe(false);
    expect(r.error.kind, r.error.message).toBe(b.error);
    expect(r.error.message).toMatch(b.message);
    expect(r.error.message).toContain(`“${b.name}”`);
    expect(r.error.message).not.toMatch(/\bat \S+:\d+|Error:|undefined|\[object/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('nothing was stored for any of them', async () => {
    const names = await readdir(join(main.tmp, 'assets')).catch(() => [] as string[]);
    expect(names.filter((n) => n.startsWith('img-'))).toEqual([]);
  });

  it('a JPEG cut short later in its picture is not among them: it opens as the part that is there, the missing rows counted', async () => {
    for (const fraction of [0.6, 0.05]) {
      const r = await main.callRaw('image:import', { bytes: truncated(photo('building.jpg'), fraction), name: 'cut.jpg' });
      expect(r.ok, JSON.stringify(r.error ?? null)).toBe(true);
      expect(r.value.cutShort.missingRows).toBeGreaterThan(fraction === 0.6 ? 150 : 500);
      expect(r.value.cutShort.missingRows).toBeLessThan(600);
    }
  });
});
