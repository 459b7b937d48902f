/**
 * electron/main/services/gateway-store.ts: the gateways settings file is checked entry by entry with
 * the same schema as `gateways:set`; entries that do not pass are left out, valid ones survive.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GatewayStore, readGateways } from '../../../electron/main/services/gateway-store';

const dir = mkdtempSync(join(tmpdir(), 'maskwork-gateways-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const good = { id: 'gw-1', name: 'Gateway', baseURL: 'https://gw.example/v1', modelIds: ['m1'] };

function fileWith(text: string): string {
  const file = join(dir, `g-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return file;
}

describe('gateways settings file', () => {
  it('keeps valid entries and leaves out bad ones (unknown or prototype fields, wrong types, bad URL, duplicates)', () => {
    const entries = [
      good,
      { ...good, id: 'gw-2', template: 'gpt-image-1.5' },
      { ...good, id: 'gw-3', smuggled: true },
      { ...good, id: 'gw-4', modelIds: 'm1' },
      { ...good, id: 'gw-5', baseURL: 'file:///etc/passwd' },
      { ...good, name: 'Duplicate id' },
      'not an object',
    ];
    const text = JSON.stringify(entries).replace('"gw-2",', '"gw-2","constructor":{"prototype":{}},');
    const withProtoKey = JSON.stringify([{ ...good, id: 'gw-6' }]).replace('{', '{"__proto__":{"polluted":1},');
    expect(readGateways(fileWith(text)).map((g) => g.id)).toEqual(['gw-1']);
    expect(readGateways(fileWith(withProtoKey))).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(new GatewayStore(fileWith(JSON.stringify([good, { ...good, id: 'gw-2', template: 'gpt-image-1.5' }]))).list()).toEqual([
      good,
      { ...good, id: 'gw-2', template: 'gpt-image-1.5' },
    ]);
  });

  it('an unreadable or non-array file is no gateways', () => {
    expect(readGateways(fileWith('{not json'))).toEqual([]);
    expect(readGateways(fileWith(JSON.stringify({ gateways: [good] })))).toEqual([]);
    expect(readGateways(join(dir, 'missing.json'))).toEqual([]);
  });
});
