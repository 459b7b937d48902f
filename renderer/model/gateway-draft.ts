/** The gateway form's draft and its checks (the same rules the IPC contract enforces in main). */
import type { GatewaySettings } from '../../shared/ipc/contract-types';
import { gatewayUrlProblem } from '../../shared/models/gateway-url';

export type GatewayTemplate = NonNullable<GatewaySettings['template']>;
export const GATEWAY_TEMPLATES: GatewayTemplate[] = ['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1-mini'];

export interface GatewayDraft {
  id: string;
  name: string;
  baseURL: string;
  /** Comma-separated. */
  modelIds: string;
  template: GatewayTemplate;
  editing: boolean;
}

export const EMPTY_DRAFT: GatewayDraft = { id: '', name: '', baseURL: '', modelIds: '', template: 'gpt-image-2', editing: false };

export function splitModelIds(s: string): string[] {
  return [
    ...new Set(
      s
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
}

/** Why the draft cannot be saved, or null. */
export function draftProblem(d: GatewayDraft): string | null {
  if (!/^[a-z0-9-]{1,40}$/.test(d.id)) return 'Id: 1–40 lower-case letters, digits or dashes';
  if (!d.name.trim()) return 'Name the gateway';
  if (!/^https?:\/\/\S+$/.test(d.baseURL.trim())) return 'Base URL must start with http:// or https:// (include /v1)';
  const urlProblem = gatewayUrlProblem(d.baseURL);
  if (urlProblem) return urlProblem;
  const ids = splitModelIds(d.modelIds);
  if (!ids.length) return 'List at least one model id';
  if (ids.length > 32 || ids.some((m) => m.length > 120)) return 'At most 32 model ids of up to 120 characters';
  return null;
}

export function draftToSettings(d: GatewayDraft): GatewaySettings {
  return { id: d.id, name: d.name.trim(), baseURL: d.baseURL.trim(), modelIds: splitModelIds(d.modelIds), template: d.template };
}

export function draftFrom(g: GatewaySettings): GatewayDraft {
  return {
    id: g.id,
    name: g.name,
    baseURL: g.baseURL,
    modelIds: g.modelIds.join(', '),
    template: g.template ?? 'gpt-image-2',
    editing: true,
  };
}
