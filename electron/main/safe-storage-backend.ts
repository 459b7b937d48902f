/** Electron safeStorage as the key store's backend (async API, as the current Electron docs recommend). */
import { safeStorage } from 'electron';
import type { SecretBackend } from './services/key-store';

export const safeStorageBackend: SecretBackend = {
  isSecure: () => safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text',
  encrypt: async (plain) => new Uint8Array(safeStorage.encryptString(plain)),
  decrypt: async (cipher) => safeStorage.decryptString(Buffer.from(cipher)),
};
