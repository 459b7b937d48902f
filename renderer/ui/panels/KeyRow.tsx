/**
 * One provider's key: set or not, last four characters, where it comes from, and set / remove.
 * The typed key goes to main and the field is cleared; the renderer never receives a key back.
 */
import { useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { removeKey, setKey } from '../../commands/providers-client';
import type { KeyStatus } from '../../../shared/ipc/contract-types';

const SOURCE_TEXT: Record<NonNullable<KeyStatus['source']>, string> = {
  keychain: 'in the keychain',
  environment: 'from the environment',
  memory: 'for this session only',
  'plain-file': 'stored unencrypted',
};

export function KeyRow({ provider, label }: { provider: string; label: string }) {
  const status = useEditor((s) => s.keyStatus.find((k) => k.provider === provider));
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const envOnly = status?.source === 'environment';

  async function save() {
    if (!value.trim()) return;
    setBusy(true);
    const ok = await setKey(provider, value.trim());
    setBusy(false);
    if (ok) setValue('');
  }

  return (
    <div className="key-row" data-testid={`key-${provider}`}>
      <div className="key-head">
        <strong>{label}</strong>
        <span data-testid={`key-status-${provider}`} className={status?.isSet ? 'ok' : 'muted'}>
          {status?.isSet ? `set · …${status.last4 ?? ''} · ${SOURCE_TEXT[status.source ?? 'keychain']}` : 'not set'}
        </span>
      </div>
      {status?.source === 'memory' && (
        <div className="warning" role="alert">
          Not stored: this system offers no secure key storage, so the key is kept only until Maskwork quits.
        </div>
      )}
      {status?.source === 'plain-file' && (
        <div className="warning" role="alert">
          This key was stored without encryption. Remove it and use an environment variable instead.
        </div>
      )}
      {status?.unreadable && (
        <div className="warning" role="alert">
          A stored key cannot be decrypted on this system (it was saved elsewhere); it is kept on disk. Enter the key again to replace it.
        </div>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          className="text"
          aria-label={`${label} API key`}
          data-testid={`key-input-${provider}`}
          placeholder={status?.isSet ? 'Replace key…' : 'Paste key…'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" data-testid={`key-save-${provider}`} disabled={busy || value.trim().length < 8}>
          Save
        </button>
        <button
          type="button"
          data-testid={`key-remove-${provider}`}
          disabled={busy || !status?.isSet || envOnly}
          title={envOnly ? 'This key comes from an environment variable; unset it there' : 'Remove the stored key'}
          onClick={() => void removeKey(provider)}
        >
          Remove
        </button>
      </form>
    </div>
  );
}
