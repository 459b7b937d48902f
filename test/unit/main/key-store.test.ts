/**
 * electron/main/services/key-store.ts (+ redact.ts): keys stay in main. Status shows only "set" and
 * the last four characters; the file on disk holds the backend's ciphertext, never the key; the
 * environment is a fallback; any key the store has seen is redacted from text anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { KeyStore, memoryBackend, type SecretBackend } from '../../../electron/main/services/key-store';
import { redactSecrets } from '../../../electron/main/services/redact';

/** A fake "keychain" that XORs with a pad: ciphertext never contains the plain text. */
function xorBackend(secure = true): SecretBackend & { encrypted: number } {
  const pad = [0x5a, 0x13, 0xc7, 0x88, 0x21];
  const xor = (b: Uint8Array) => b.map((v, i) => v ^ pad[i % pad.length]);
  const backend = {
    encrypted: 0,
    isSecure: () => secure,
    encrypt: async (plain: string) => {
      backend.encrypted++;
      return xor(new TextEncoder().encode(plain));
    },
    decrypt: async (cipher: Uint8Array) => new TextDecoder().decode(xor(cipher)),
  };
  return backend;
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-keys-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

// Keys shaped so the generic patterns (sk-…, AIza…) do NOT match: only registration can redact them.
const KEY_A = 'gwkey_Q7v2Lm9Xw4Tz81';
const KEY_B = 'zzPlainSecret_55aa66bb';
const KEY_C = 'loadedFromDisk_9911XyZ';

describe('KeyStore', () => {
  it('set → status shows isSet, where the key lives and the last four characters only', async () => {
    const ks = new KeyStore(null, memoryBackend, {});
    const s = await ks.set('openai', KEY_A);
    // The memory backend encrypts nothing: the key is held for this session only, and said so.
    expect(s).toEqual({ provider: 'openai', isSet: true, last4: KEY_A.slice(-4), source: 'memory', insecureStorage: true });
    const secure = new KeyStore(join(tmp, 'set-status', 'keys.json'), xorBackend(), {});
    expect(await secure.set('openai', KEY_A)).toEqual({ provider: 'openai', isSet: true, last4: KEY_A.slice(-4), source: 'keychain' });
    const all = await ks.statusAll();
    expect(JSON.stringify(all)).not.toContain(KEY_A.slice(0, -4));
    expect(all.find((x) => x.provider === 'openai')).toMatchObject({ isSet: true, last4: 'Tz81' });
    expect(all.find((x) => x.provider === 'gemini')).toMatchObject({ isSet: false });
    expect(await ks.get('openai')).toBe(KEY_A);
  });

  it('keys are trimmed; a key with spaces or too short is refused as invalid-request', async () => {
    const ks = new KeyStore(null, memoryBackend, {});
    expect((await ks.set('gemini', `  ${KEY_A}\n`)).last4).toBe('Tz81');
    await expect(ks.set('gemini', 'has a space inside')).rejects.toMatchObject({ kind: 'invalid-request' });
    await expect(ks.set('gemini', 'short')).rejects.toBeInstanceOf(AppError);
    expect(await ks.get('gemini')).toBe(KEY_A);
  });

  it('remove → not set any more (and nothing falls back when there is no environment key)', async () => {
    const ks = new KeyStore(null, memoryBackend, {});
    await ks.set('openai', KEY_A);
    const s = await ks.remove('openai');
    expect(s).toMatchObject({ provider: 'openai', isSet: false });
    expect(s.last4).toBeUndefined();
    expect(await ks.get('openai')).toBeUndefined();
  });

  it('environment fallback: source "environment" and last4; a stored key wins; removing it falls back', async () => {
    const envKey = 'envOnlyKey_ABCD1234';
    const ks = new KeyStore(null, memoryBackend, { OPENAI_API_KEY: envKey });
    expect(await ks.status('openai')).toMatchObject({ isSet: true, source: 'environment', last4: '1234' });
    expect(await ks.get('openai')).toBe(envKey);
    await ks.set('openai', KEY_A);
    expect(await ks.status('openai')).toMatchObject({ source: 'memory', last4: 'Tz81' });
    await ks.remove('openai');
    expect(await ks.status('openai')).toMatchObject({ source: 'environment', last4: '1234' });
    expect(await ks.status('gemini')).toMatchObject({ isSet: false });
    // An environment key is redacted too once it has been used.
    expect(redactSecrets(`header ${envKey} end`)).toBe('header [redacted] end');
  });

  it('the persisted file holds the backend ciphertext, never the key; a new store reads it back', async () => {
    const file = join(tmp, 'settings', 'keys.json');
    const backend = xorBackend();
    const ks = new KeyStore(file, backend, {});
    await ks.set('openai', KEY_B);
    await ks.set('gateway:my-gw', KEY_A);
    expect(backend.encrypted).toBeGreaterThan(0);
    const text = await readFile(file, 'utf8');
    for (const k of [KEY_B, KEY_A]) {
      expect(text).not.toContain(k);
      expect(text).not.toContain(Buffer.from(k).toString('base64'));
      expect(text).not.toContain(k.slice(0, 8));
    }
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['gateway:my-gw', 'openai']);
    expect((await stat(file)).mode & 0o077).toBe(0);
    const again = new KeyStore(file, xorBackend(), {});
    expect(await again.get('openai')).toBe(KEY_B);
    expect(await again.status('gateway:my-gw')).toMatchObject({ isSet: true, last4: KEY_A.slice(-4), source: 'keychain' });
    // A store that cannot decrypt the file ignores it (never shows ciphertext as a key).
    const wrong = new KeyStore(
      file,
      {
        isSecure: () => true,
        encrypt: async () => new Uint8Array(),
        decrypt: async () => {
          throw new Error('bad key');
        },
      },
      {},
    );
    expect(await wrong.status('openai')).toMatchObject({ isSet: false });
  });

  it('an insecure backend is reported so the UI can warn', async () => {
    const ks = new KeyStore(null, xorBackend(false), {});
    expect(ks.isSecure()).toBe(false);
    expect(await ks.status('openai')).toMatchObject({ insecureStorage: true });
    expect((await new KeyStore(null, xorBackend(true), {}).status('openai')).insecureStorage).toBeUndefined();
  });

  it('a key set through KeyStore, or loaded from its file, is redacted by redactSecrets anywhere in text', async () => {
    expect(redactSecrets(`x ${KEY_C} y`)).toContain(KEY_C); // not yet known: no pattern matches it
    const file = join(tmp, 'redact', 'keys.json');
    const backend = xorBackend();
    // Write the file with one store, then load it with a fresh one: loading alone must register it.
    await new KeyStore(file, backend, {}).set('gemini', KEY_C);
    await new KeyStore(file, xorBackend(), {}).status('gemini');
    const samples = [
      `Error: 401 Unauthorized for key ${KEY_C}.`,
      `{"headers":{"authorization":"${KEY_C}"}}`,
      `${KEY_C}${KEY_C}`,
      `url?token=${KEY_C}&x=1`,
    ];
    for (const s of samples) {
      const red = redactSecrets(s);
      expect(red).not.toContain(KEY_C);
      expect(red).toContain('[redacted]');
    }
    const ks = new KeyStore(null, memoryBackend, {});
    await ks.set('openai', KEY_B);
    expect(redactSecrets(`multi\nline ${KEY_B}\n`)).toBe('multi\nline [redacted]\n');
  });
});
