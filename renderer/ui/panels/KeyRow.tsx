/**
 * One provider's key: set or not, last four characters, where it comes from, and set / remove.
 * The typed key goes to main and the field is cleared; the renderer never receives a key back.
 */
import { useRef, useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { removeKey, setKey } from '../../commands/providers-client';
import type { KeyStatus } from '../../../shared/ipc/contract-types';

const SOURCE_TEXT: Record<NonNullable<KeyStatus['source']>, string> = {
  keychain: 'in the keychain',
  environment: 'from the environment',
  memory: 'for this session only',
  'plain-file': 'stored unencrypted',
};

/** A key is at least this long (shorter is a slip of the paste, not a key). */
export const MIN_KEY_LENGTH = 8;

const hhmm = (t: number) => {
  const d = new Date(t);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** The status line: "set · …9999 · in the keychain", "rejected by OpenAI at 18:02 · …9999", "not set". */
export function keyStatusText(status: KeyStatus | undefined, label: string): string {
  if (!status?.isSet) return 'not set';
  if (status.rejected)
    return `rejected by ${label}${status.rejectedAt ? ` at ${hhmm(status.rejectedAt)}` : ''} · …${status.last4 ?? ''} · ${SOURCE_TEXT[status.source ?? 'keychain']}`;
  return `set · …${status.last4 ?? ''} · ${SOURCE_TEXT[status.source ?? 'keychain']}`;
}

/** `heading`: the row's name when it is not the provider's own (a gateway's row reads "Studio proxy API key"). */
export function KeyRow({ provider, label, heading = label }: { provider: string; label: string; heading?: string }) {
  const status = useEditor((s) => s.keyStatus.find((k) => k.provider === provider));
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const envOnly = status?.source === 'environment';
  const typed = value.trim().length;
  // Save stays off for a too-short key, and says why beside it.
  const tooShort = typed > 0 && typed < MIN_KEY_LENGTH;

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
        <strong>{heading}</strong>
        <span data-testid={`key-status-${provider}`} className={status?.isSet ? (status.rejected ? 'rejected' : 'ok') : 'muted'}>
          {keyStatusText(status, label)}
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
          ref={field}
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
        <button
          type="submit"
          data-testid={`key-save-${provider}`}
          disabled={busy || typed < MIN_KEY_LENGTH}
          aria-describedby={tooShort ? `key-short-${provider}` : undefined}
        >
          Save
        </button>
        <button
          type="button"
          data-testid={`key-remove-${provider}`}
          disabled={busy || !status?.isSet || envOnly}
          title={envOnly ? 'This key comes from an environment variable; unset it there' : 'Remove the stored key'}
          // Remove turns off once the key is gone: the focus goes to the key field (it fell to the page).
          onClick={() => void removeKey(provider).then((ok) => ok && field.current?.focus())}
        >
          Remove
        </button>
        {tooShort && (
          <span id={`key-short-${provider}`} className="muted" role="status">
            A key is at least {MIN_KEY_LENGTH} characters
          </span>
        )}
      </form>
    </div>
  );
}
