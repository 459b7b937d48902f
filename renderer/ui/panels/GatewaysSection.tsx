/**
 * OpenAI-compatible gateways: list, add / edit (id, name, base URL with /v1, model ids, template),
 * remove, and one key per gateway (stored in main as `gateway:<id>`).
 */
import { useState } from 'react';
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

  async function save() {
    if (problem) return;
    const ok = await saveGateway(draftToSettings(draft));
    if (ok) setDraft(EMPTY_DRAFT);
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
              <button type="button" onClick={() => setDraft(draftFrom(g))}>
                Edit
              </button>
              <button type="button" aria-label={`Remove gateway ${g.name}`} onClick={() => void removeGateway(g.id)}>
                Remove
              </button>
            </div>
            <KeyRow provider={`gateway:${g.id}`} label={g.name} />
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
        <input
          className="text"
          aria-label="Gateway id"
          placeholder="id (e.g. my-gw)"
          value={draft.id}
          disabled={draft.editing}
          onChange={(e) => set({ id: e.target.value.toLowerCase() })}
        />
        <input
          className="text"
          aria-label="Gateway name"
          placeholder="Name"
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <input
          className="text"
          aria-label="Base URL"
          placeholder="https://gateway.example/v1"
          value={draft.baseURL}
          onChange={(e) => set({ baseURL: e.target.value })}
        />
        <input
          className="text"
          aria-label="Model ids"
          placeholder="model ids, comma-separated"
          value={draft.modelIds}
          onChange={(e) => set({ modelIds: e.target.value })}
        />
        <label className="inline">
          Rules and prices of
          <select aria-label="Template" value={draft.template} onChange={(e) => set({ template: e.target.value as GatewayTemplate })}>
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
            <button type="button" onClick={() => setDraft(EMPTY_DRAFT)}>
              Cancel
            </button>
          )}
          {problem && (draft.id || draft.name || draft.baseURL || draft.modelIds) && <span className="muted">{problem}</span>}
        </div>
      </form>
    </section>
  );
}
