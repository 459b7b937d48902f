/**
 * One provider's key: set or not, last four characters, where it comes from, and set / remove.
 * The typed key goes to main and the field is cleared; the renderer never receives a key back.
 */
import { useState } from 'react';
import { useEditor } from '../store/store';
import { removeKey, setKey } from '../generate/providers-client';

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
          {status?.isSet
            ? `set · …${status.last4 ?? ''} · ${status.source === 'environment' ? 'from the environment' : 'in the keychain'}`
            : 'not set'}
        </span>
      </div>
      {status?.insecureStorage && status.source === 'keychain' && (
        <div className="warning" role="alert">
          No secure key storage on this system: the key is stored obfuscated, not encrypted.
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
