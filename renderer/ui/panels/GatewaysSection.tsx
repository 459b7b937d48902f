/**
 * OpenAI-compatible gateways: list, add / edit (id, name, base URL with /v1, model ids, template),
 * remove, and one key per gateway (stored in main as `gateway:<id>`).
 */
import { useEffect, useRef, useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { removeGateway, saveGateway } from '../../commands/providers-client';
import {
  EMPTY_DRAFT,
  GATEWAY_TEMPLATES,
  draftFrom,
  draftProblem,
  draftToSettings,
  type GatewayDraft,
  type GatewayTemplate,
} from '../../model/gateway-draft';
import { KeyRow } from './KeyRow';

export function GatewaysSection() {
  const gateways = useEditor((s) => s.providerSettings.gateways);
  const [draft, setDraft] = useState<GatewayDraft>(EMPTY_DRAFT);
  const problem = draftProblem(draft);
  const set = (patch: Partial<GatewayDraft>) => setDraft({ ...draft, ...patch });
  const idField = useRef<HTMLInputElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  // Where the focus goes once the list has re-rendered: a gateway's key field after it is added or
  // saved (the next thing it needs; a changed URL drops its key), the form after Edit, Cancel or a
  // removal. It fell to the page each time, as the button pressed went away or turned off.
  const [focusNext, setFocusNext] = useState<{ key: string } | 'id' | 'name' | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    const el =
      focusNext === 'id'
        ? idField.current
        : focusNext === 'name'
          ? nameField.current
          : document.querySelector<HTMLInputElement>(`[data-testid="key-input-${CSS.escape(focusNext.key)}"]`);
    if (!el) return;
    el.focus();
    setFocusNext(null);
  });

  async function save() {
    if (problem) return;
    const ok = await saveGateway(draftToSettings(draft));
    if (ok) {
      setFocusNext({ key: `gateway:${draft.id}` });
      setDraft(EMPTY_DRAFT);
    }
  }

  return (
    <section className="settings-section" aria-label="Gateways">
      <h4>OpenAI-compatible gateways</h4>
      {gateways.length === 0 && <p className="muted">None yet.</p>}
      <ul className="gateway-list">
        {gateways.map((g) => (
          <li key={g.id} data-testid="gateway" data-gateway-id={g.id}>
            <div className="key-head">
              <strong>{g.name}</strong>
              <span className="muted">
                {g.id} · {g.baseURL} · {g.modelIds.join(', ')} · rules of {g.template ?? 'gpt-image-2'}
              </span>
              <button
                type="button"
                onClick={() => {
                  setDraft(draftFrom(g));
                  setFocusNext('name');
                }}
              >
                Edit
              </button>
              <button
                type="button"
                aria-label={`Remove gateway ${g.name}`}
                onClick={() => void removeGateway(g.id).then((ok) => ok && setFocusNext('id'))}
              >
                Remove
              </button>
            </div>
            {/* Its own words under the gateway's line: the name twice read as two gateways (found by hand). */}
            <KeyRow provider={`gateway:${g.id}`} label={g.name} heading={`${g.name} API key`} />
          </li>
        ))}
      </ul>
      <form
        className="gateway-form"
        data-testid="gateway-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h5>{draft.editing ? `Edit ${draft.id}` : 'Add a gateway'}</h5>
        {/* Each field's visible label is its accessible name; the placeholders are only examples (they went as soon as one typed). */}
        <GatewayField
          label="Gateway id"
          inputRef={idField}
          placeholder="e.g. my-gw"
          value={draft.id}
          disabled={draft.editing}
          onChange={(v) => set({ id: v.toLowerCase() })}
        />
        <GatewayField
          label="Gateway name"
          inputRef={nameField}
          placeholder="e.g. My gateway"
          value={draft.name}
          onChange={(v) => set({ name: v })}
        />
        <GatewayField
          label="Base URL"
          placeholder="https://gateway.example/v1"
          value={draft.baseURL}
          onChange={(v) => set({ baseURL: v })}
        />
        <GatewayField
          label="Model ids"
          placeholder="comma-separated, e.g. gpt-image-2"
          value={draft.modelIds}
          onChange={(v) => set({ modelIds: v })}
        />
        <label className="gateway-field">
          <span>Rules and prices of</span>
          <select value={draft.template} onChange={(e) => set({ template: e.target.value as GatewayTemplate })}>
            {GATEWAY_TEMPLATES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <div className="row">
          <button type="submit" data-testid="gateway-save" disabled={!!problem}>
            {draft.editing ? 'Save gateway' : 'Add gateway'}
          </button>
          {draft.editing && (
            <button
              type="button"
              onClick={() => {
                setDraft(EMPTY_DRAFT);
                setFocusNext('id');
              }}
            >
              Cancel
            </button>
          )}
          {problem && (draft.id || draft.name || draft.baseURL || draft.modelIds) && <span className="muted">{problem}</span>}
        </div>
      </form>
    </section>
  );
}

/** A text field of the gateway form: its visible label is its accessible name; the placeholder only an example. */
function GatewayField(p: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}) {
  return (
    <label className="gateway-field">
      <span>{p.label}</span>
      <input
        ref={p.inputRef}
        className="text"
        placeholder={p.placeholder}
        value={p.value}
        disabled={p.disabled}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </label>
  );
}
