/**
 * API keys live only here, in main. They are encrypted with the OS keychain (Electron safeStorage)
 * when available and persisted as ciphertext; environment variables are honoured as a fallback
 * (the CLI's path). The renderer can learn only "set or not" and the last four characters.
 */
import { readFile, writeFile, mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { KeyStatus } from '../../../shared/ipc/contract-types';
import { registerSecret } from './redact';

export interface SecretBackend {
  /** False when the OS offers no secure backend (Linux without a keyring): keys would be obfuscated only. */
  isSecure(): boolean;
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(cipher: Uint8Array): Promise<string>;
}

export const ENV_KEYS: Record<string, string> = { openai: 'OPENAI_API_KEY', gemini: 'GEMINI_API_KEY' };

export class KeyStore {
  private cache = new Map<string, string>();
  private loaded = false;

  constructor(
    private readonly file: string | null,
    private readonly backend: SecretBackend,
    private readonly env: Record<string, string | undefined> = {},
  ) {}

  isSecure(): boolean {
    return this.backend.isSecure();
  }

  /** The key for a provider (`openai`, `gemini`, `gateway:<id>`), or undefined. Main-only. */
  async get(provider: string): Promise<string | undefined> {
    await this.load();
    const stored = this.cache.get(provider);
    if (stored) return stored;
    const envName = ENV_KEYS[provider];
    const fromEnv = envName ? this.env[envName] : undefined;
    if (fromEnv) registerSecret(fromEnv);
    return fromEnv || undefined;
  }

  async status(provider: string): Promise<KeyStatus> {
    await this.load();
    const stored = this.cache.get(provider);
    const envName = ENV_KEYS[provider];
    const fromEnv = envName ? this.env[envName] : undefined;
    const key = stored ?? fromEnv;
    return {
      provider,
      isSet: !!key,
      last4: key ? key.slice(-4) : undefined,
      source: stored ? 'keychain' : key ? 'environment' : undefined,
      insecureStorage: !this.backend.isSecure() || undefined,
    };
  }

  async statusAll(): Promise<KeyStatus[]> {
    await this.load();
    const providers = new Set(['openai', 'gemini', ...this.cache.keys()]);
    return Promise.all([...providers].map((p) => this.status(p)));
  }

  async set(provider: string, key: string): Promise<KeyStatus> {
    const trimmed = key.trim();
    if (/\s/.test(trimmed) || trimmed.length < 8)
      throw new AppError({ kind: 'invalid-request', message: 'That does not look like an API key (too short or contains spaces).' });
    await this.load();
    registerSecret(trimmed);
    this.cache.set(provider, trimmed);
    await this.save();
    return this.status(provider);
  }

  async remove(provider: string): Promise<KeyStatus> {
    await this.load();
    this.cache.delete(provider);
    await this.save();
    return this.status(provider);
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    if (!this.file) return;
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch {
      return;
    }
    try {
      const parsed = JSON.parse(raw) as Record<string, string>;
      for (const [provider, b64] of Object.entries(parsed)) {
        const plain = await this.backend.decrypt(new Uint8Array(Buffer.from(b64, 'base64')));
        registerSecret(plain);
        this.cache.set(provider, plain);
      }
    } catch {
      // A key file we cannot decrypt (e.g. copied from another machine) is ignored, never shown.
    }
  }

  private async save(): Promise<void> {
    if (!this.file) return;
    const out: Record<string, string> = {};
    for (const [provider, plain] of this.cache) out[provider] = Buffer.from(await this.backend.encrypt(plain)).toString('base64');
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, JSON.stringify(out), { mode: 0o600 });
    await rename(tmp, this.file);
  }
}

/** In-memory backend for the dev host, the CLI and tests: nothing is persisted. */
export const memoryBackend: SecretBackend = {
  isSecure: () => true,
  encrypt: async (p) => new TextEncoder().encode(p),
  decrypt: async (c) => new TextDecoder().decode(c),
};
