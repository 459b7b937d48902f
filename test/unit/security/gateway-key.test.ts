/**
 * A gateway's key goes only to the address it was entered for (electron/main/ipc/handlers.ts,
 * shared/models/gateway-url.ts): changing the base URL drops the key, and a gateway that is not on
 * this machine must use https.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayUrlProblem } from '../../../shared/models/gateway-url';
import { startMainWithServers, type CloudHarness } from '../../support/main-harness';
import { importSmallPhoto, smallEdit, type SmallEdit } from '../../support/small-edit';

let cloud: CloudHarness;
let photo: SmallEdit;
beforeAll(async () => {
  cloud = await startMainWithServers();
  photo = await importSmallPhoto(cloud.main);
});
afterAll(async () => cloud?.close());

const gw = (baseURL: string, name = 'GW') => ({ id: 'gw', name, baseURL, modelIds: ['gpt-image-2'] });
async function gatewayKeySet(): Promise<boolean> {
  const all = await cloud.main.call<{ provider: string; isSet: boolean }[]>('keys:status', {});
  return all.some((k) => k.provider === 'gateway:gw' && k.isSet);
}

describe('changing a gateway’s base URL drops its key', () => {
  it('the key survives a rename or a trailing slash, not a new address', async () => {
    await cloud.main.call('gateways:set', gw(cloud.openai.url));
    await cloud.main.call('keys:set', { provider: 'gateway:gw', key: 'gw-secret-key-12345' });
    await cloud.main.call('gateways:set', gw(`${cloud.openai.url}/`, 'Renamed'));
    expect(await gatewayKeySet()).toBe(true);

    const before = cloud.openai.requests.length;
    await cloud.main.call('gateways:set', gw(`http://127.0.0.2:${cloud.openai.port}/v1`));
    expect(await gatewayKeySet()).toBe(false);
    const { result } = await smallEdit(cloud.main, photo, 'gateway:gw/gpt-image-2');
    expect(result.state === 'failed' && result.error.kind).toBe('auth');
    expect(cloud.openai.requests.length).toBe(before);
  });

  it('a new key for the new address works', async () => {
    await cloud.main.call('gateways:set', gw(cloud.openai.url));
    await cloud.main.call('keys:set', { provider: 'gateway:gw', key: 'gw-secret-key-67890' });
    const { result } = await smallEdit(cloud.main, photo, 'gateway:gw/gpt-image-2');
    expect(result.state).toBe('done');
  });
});

describe('non-loopback gateways require https', () => {
  it.each([
    ['http://gateway.example/v1', /https/],
    ['http://10.0.0.5:8080/v1', /https/],
    ['http://127.0.0.1.nip.io/v1', /https/],
    ['https://user:secret@gateway.example/v1', /user name or password/],
    ['ftp://gateway.example/v1', /http/],
  ])('%s is refused', async (url, why) => {
    const r = await cloud.main.callRaw('gateways:set', gw(url));
    expect(r.ok).toBe(false);
    expect(r.error.kind).toMatch(/invalid-request|validation/);
    expect(r.error.message).toMatch(why);
  });

  it.each(['https://gateway.example/v1', 'http://127.0.0.1:4000/v1', 'http://localhost:8080/v1', 'http://[::1]:8080/v1'])(
    '%s is accepted',
    async (url) => {
      expect(gatewayUrlProblem(url)).toBeNull();
      const r = await cloud.main.callRaw('gateways:set', { ...gw(url), id: 'other' });
      expect(r.ok).toBe(true);
    },
  );
});

describe('a gateway saved before https was required', () => {
  it('never receives its key over plain http', async () => {
    cloud.main.svc.gateways.upsert({ id: 'legacy', name: 'Legacy', baseURL: 'http://gateway.example/v1', modelIds: ['gpt-image-2'] });
    await cloud.main.call('keys:set', { provider: 'gateway:legacy', key: 'legacy-key-123456' });
    const { result } = await smallEdit(cloud.main, photo, 'gateway:legacy/gpt-image-2');
    expect(result.state === 'failed' && result.error.kind).toBe('invalid-request');
    expect(result.state === 'failed' && result.error.message).toMatch(/https/);
  });
});

describe('a service on a port fetch blocks (6000, a "bad port")', () => {
  it('a gateway saved in Settings: not sent, nothing charged, and the message says to change its base URL there', async () => {
    await cloud.main.call('gateways:set', { ...gw('http://127.0.0.1:6000/v1'), id: 'blocked' });
    await cloud.main.call('keys:set', { provider: 'gateway:blocked', key: 'blocked-key-123456' });
    const before = cloud.main.svc.ledger.summary().today.usd;
    const { result } = await smallEdit(cloud.main, photo, 'gateway:blocked/gpt-image-2');
    expect(result.state === 'failed' && result.error.kind).toBe('network');
    const message = result.state === 'failed' ? result.error.message : '';
    expect(message).toMatch(/port 6000 is one that web requests may not use/);
    expect(message).toMatch(/nothing was sent and nothing is charged/);
    expect(message).toMatch(/change its base URL in Settings → Gateways/);
    expect(result.state === 'failed' && (result.spentRequests ?? 0)).toBe(0);
    expect(cloud.main.svc.ledger.summary().today.usd).toBe(before);
  });

  it('Gemini at a base URL on that port: the same, with no Settings hint (the address came from the environment)', async () => {
    const { startMain } = await import('../../support/main-harness');
    const other = await startMain({
      GEMINI_API_KEY: 'AIza-test-gemini-key-000001',
      GOOGLE_GEMINI_BASE_URL: 'http://127.0.0.1:6000',
      MASKWORK_MAX_RETRIES: '0',
    });
    try {
      const small = await importSmallPhoto(other);
      const { result } = await smallEdit(other, small, 'gemini-3.1-flash-image');
      expect(result.state === 'failed' && result.error.kind).toBe('network');
      const message = result.state === 'failed' ? result.error.message : '';
      expect(message).toMatch(/port 6000 is one that web requests may not use/);
      expect(message).toMatch(/nothing was sent and nothing is charged/);
      expect(message).not.toMatch(/Settings → Gateways/);
      expect(result.state === 'failed' && (result.spentRequests ?? 0)).toBe(0);
      expect(other.svc.ledger.summary().today.usd).toBe(0);
    } finally {
      await other.close();
    }
  });
});
