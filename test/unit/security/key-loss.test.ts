/**
 * Keys are never lost (electron/main/services/key-store.ts): the file loads entry by entry, an entry
 * that cannot be decrypted is kept and written back unchanged, an unreadable file is kept aside, and
 * without OS encryption keys are held for the session only and never reported as in the keychain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyStore, type SecretBackend } from '../../../electron/main/services/key-store';

/** Reversible "encryption" that refuses ciphertexts starting with 0xFF (written on another machine). */
function backend(secure = true): SecretBackend & { encrypted: number } {
  const b = {
    encrypted: 0,
    isSecure: () => secure,
    encrypt: async (plain: string) => {
      b.encrypted++;
      return new Uint8Array([0x01, ...new TextEncoder().encode(plain).map((v) => v ^ 0x5a)]);
    },
    decrypt: async (c: Uint8Array) => {
      if (c[0] !== 0x01) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return new TextDecoder().decode(c.slice(1).map((v) => v ^ 0x5a));
    },
  };
  return b;
}
const cipher = async (plain: string) => Buffer.from(await backend().encrypt(plain)).toString('base64');
const foreign = Buffer.from([0xff, 1, 2, 3, 4, 5]).toString('base64');

let tmp: string;
let n = 0;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-keyloss-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

async function keyFile(content: string): Promise<string> {
  const dir = join(tmp, `case-${++n}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'keys.json');
  await writeFile(file, content);
  return file;
}

describe('loading keys.json entry by entry', () => {
  it('one undecryptable entry does not hide the others, and saving keeps it byte for byte', async () => {
    const file = await keyFile(
      JSON.stringify({ openai: await cipher('openai-key-000111'), 'gateway:old': foreign, gemini: await cipher('gemini-key-222333') }),
    );
    const ks = new KeyStore(file, backend(), {});
    expect(await ks.get('openai')).toBe('openai-key-000111');
    expect(await ks.get('gemini')).toBe('gemini-key-222333');
    const bad = await ks.status('gateway:old');
    expect(bad).toMatchObject({ isSet: false, unreadable: true });
    expect((await ks.statusAll()).map((s) => s.provider)).toContain('gateway:old');

    await ks.set('gateway:new', 'new-gateway-key-444');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved['gateway:old']).toBe(foreign);
    expect(Object.keys(saved).sort()).toEqual(['gateway:new', 'gateway:old', 'gemini', 'openai']);
    // Removing it on purpose does drop it.
    await ks.remove('gateway:old');
    expect(JSON.parse(await readFile(file, 'utf8'))['gateway:old']).toBeUndefined();
  });

  it('entries that are not strings are kept as they are', async () => {
    const file = await keyFile(JSON.stringify({ openai: await cipher('openai-key-000111'), future: { v: 2, data: 'x' } }));
    const ks = new KeyStore(file, backend(), {});
    await ks.set('gemini', 'gemini-key-222333');
    expect(JSON.parse(await readFile(file, 'utf8')).future).toEqual({ v: 2, data: 'x' });
  });

  it('an unreadable file is kept aside before anything is written over it', async () => {
    const file = await keyFile('{"openai": "abc", trailing garbage');
    const ks = new KeyStore(file, backend(), {});
    expect((await ks.status('openai')).isSet).toBe(false);
    await ks.set('openai', 'openai-key-000111');
    const names = await readdir(join(file, '..'));
    const aside = names.find((x) => x.startsWith('keys.json.unreadable'));
    expect(aside).toBeDefined();
    expect(await readFile(join(file, '..', aside!), 'utf8')).toBe('{"openai": "abc", trailing garbage');
    expect(await new KeyStore(file, backend(), {}).get('openai')).toBe('openai-key-000111');
  });

  it('concurrent first calls all see the loaded keys', async () => {
    const file = await keyFile(JSON.stringify({ openai: await cipher('openai-key-000111'), gemini: await cipher('gemini-key-222333') }));
    const ks = new KeyStore(file, backend(), {});
    const [a, b, all] = await Promise.all([ks.get('openai'), ks.status('gemini'), ks.statusAll()]);
    expect(a).toBe('openai-key-000111');
    expect(b.isSet).toBe(true);
    expect(all.filter((s) => s.isSet)).toHaveLength(2);
  });

  it('concurrent saves lose no key', async () => {
    const file = await keyFile('{}');
    const ks = new KeyStore(file, backend(), {});
    await Promise.all(['a', 'b', 'c', 'd'].map((p) => ks.set(`gateway:${p}`, `key-for-${p}-123456`)));
    const again = new KeyStore(file, backend(), {});
    for (const p of ['a', 'b', 'c', 'd']) expect(await again.get(`gateway:${p}`)).toBe(`key-for-${p}-123456`);
  });
});

describe('without OS encryption', () => {
  it('a key is kept for this session only, never written, never reported as in the keychain', async () => {
    const file = await keyFile('{}');
    const b = backend(false);
    const ks = new KeyStore(file, b, {});
    const s = await ks.set('openai', 'openai-key-000111');
    expect(s).toMatchObject({ isSet: true, source: 'memory', insecureStorage: true });
    expect(s.source).not.toBe('keychain');
    expect(await ks.get('openai')).toBe('openai-key-000111');
    expect(b.encrypted).toBe(0);
    expect(await readFile(file, 'utf8')).not.toContain('openai');
    expect(await new KeyStore(file, backend(false), {}).get('openai')).toBeUndefined();
  });

  it('environment variables still work', async () => {
    const ks = new KeyStore(null, backend(false), { GEMINI_API_KEY: 'env-gemini-key-999' });
    expect(await ks.status('gemini')).toMatchObject({ isSet: true, source: 'environment' });
  });
});
