/**
 * API keys live only here, in main. They are encrypted with the OS keychain (Electron safeStorage)
 * and persisted as ciphertext; environment variables are honoured as a fallback (the CLI's path).
 * The renderer can learn only "set or not", the last four characters and where the key comes from.
 *
 * Keys are never lost: `keys.json` is read entry by entry; an entry that cannot be decrypted (written
 * on another machine or by another OS user) is reported as unreadable and written back unchanged on
 * every save; a file that is not JSON is kept aside before anything replaces it. Without secure OS
 * storage a key the user enters is kept for this session only (never written in a recoverable form)
 * and reported as such, never as "in the keychain".
 */
import { readFile, writeFile, mkdir, rename, copyFile } from 'node:fs/promises';
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
  /** Decrypted keys. */
  private cache = new Map<string, string>();
  /** What keys.json holds, entry by entry, exactly as read or written (ciphertext, or anything we do not understand). */
  private stored = new Map<string, unknown>();
  /** Providers whose stored entry could not be decrypted here. */
  private unreadable = new Set<string>();
  /** Providers whose key lives in memory only (no secure storage). */
  private sessionOnly = new Set<string>();
  /** The raw text of a keys.json that was not a JSON object; kept aside before the first save. */
  private damaged: string | null = null;
  private loading: Promise<void> | null = null;
  private saving: Promise<void> = Promise.resolve();

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
    let source: KeyStatus['source'];
    if (stored) source = this.sessionOnly.has(provider) ? 'memory' : this.backend.isSecure() ? 'keychain' : 'plain-file';
    else if (key) source = 'environment';
    return {
      provider,
      isSet: !!key,
      last4: key ? key.slice(-4) : undefined,
      source,
      insecureStorage: !this.backend.isSecure() || undefined,
      unreadable: this.unreadable.has(provider) || undefined,
    };
  }

  async statusAll(): Promise<KeyStatus[]> {
    await this.load();
    const providers = new Set(['openai', 'gemini', ...this.cache.keys(), ...this.unreadable]);
    return Promise.all([...providers].map((p) => this.status(p)));
  }

  async set(provider: string, key: string): Promise<KeyStatus> {
    const trimmed = key.trim();
    if (/\s/.test(trimmed) || trimmed.length < 8)
      throw new AppError({ kind: 'invalid-request', message: 'That does not look like an API key (too short or contains spaces).' });
    await this.load();
    registerSecret(trimmed);
    this.cache.set(provider, trimmed);
    this.unreadable.delete(provider);
    if (this.backend.isSecure() && this.file) {
      this.sessionOnly.delete(provider);
      this.stored.set(provider, Buffer.from(await this.backend.encrypt(trimmed)).toString('base64'));
    } else {
      // No secure storage (or no file): this session only. An older entry for it is replaced, by the user's choice.
      this.sessionOnly.add(provider);
      this.stored.delete(provider);
    }
    await this.save();
    return this.status(provider);
  }

  async remove(provider: string): Promise<KeyStatus> {
    await this.load();
    this.cache.delete(provider);
    this.unreadable.delete(provider);
    this.sessionOnly.delete(provider);
    this.stored.delete(provider);
    await this.save();
    return this.status(provider);
  }

  private load(): Promise<void> {
    this.loading ??= this.readFile();
    return this.loading;
  }

  private async readFile(): Promise<void> {
    if (!this.file) return;
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch {
      return; // no file yet
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      this.damaged = raw;
      return;
    }
    for (const [provider, entry] of Object.entries(parsed)) {
      if (provider === '__proto__') continue;
      this.stored.set(provider, entry);
      if (typeof entry !== 'string') continue; // a format we do not know: kept, not used
      try {
        const plain = await this.backend.decrypt(new Uint8Array(Buffer.from(entry, 'base64')));
        if (!plain) throw new Error('empty');
        registerSecret(plain);
        this.cache.set(provider, plain);
      } catch {
        // Encrypted elsewhere (another machine or user): keep it, report it, never show it.
        this.unreadable.add(provider);
      }
    }
  }

  /** Writes `stored` (serialised: concurrent saves never interleave). */
  private save(): Promise<void> {
    const run = this.saving.then(() => this.write());
    this.saving = run.catch(() => {});
    return run;
  }

  private async write(): Promise<void> {
    if (!this.file) return;
    await mkdir(dirname(this.file), { recursive: true });
    if (this.damaged !== null) {
      await copyFile(this.file, `${this.file}.unreadable-${Date.now()}`).catch(() =>
        writeFile(`${this.file}.unreadable-${Date.now()}`, this.damaged ?? '', { mode: 0o600 }),
      );
      this.damaged = null;
    }
    const out: Record<string, unknown> = {};
    for (const [provider, entry] of this.stored) out[provider] = entry;
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(out), { mode: 0o600 });
    await rename(tmp, this.file);
  }
}

/**
 * Backend for the dev host, the CLI and tests: no encryption, so it reports itself as not secure and
 * the store keeps keys for the session only.
 */
export const memoryBackend: SecretBackend = {
  isSecure: () => false,
  encrypt: async (p) => new TextEncoder().encode(p),
  decrypt: async (c) => new TextDecoder().decode(c),
};
