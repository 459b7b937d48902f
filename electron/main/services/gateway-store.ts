/** OpenAI-compatible gateways the user configured (name, base URL, model ids). Keys live in KeyStore as `gateway:<id>`. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { gatewaySettings } from '../../../shared/ipc/contract';
import type { GatewaySettings } from '../../../shared/ipc/contract-types';
import { parse } from '../../../shared/ipc/schema';

/**
 * The gateways in the settings file, each checked like a `gateways:set` request: an entry that does
 * not pass (hand-edited, from another version, unknown fields) is left out; an unreadable file is none.
 */
export function readGateways(file: string): GatewaySettings[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: GatewaySettings[] = [];
  for (const entry of raw) {
    try {
      const g = parse(gatewaySettings, entry);
      if (!out.some((x) => x.id === g.id)) out.push(g);
    } catch {
      // skipped: see above
    }
  }
  return out;
}

export class GatewayStore {
  private gateways: GatewaySettings[] = [];
  constructor(private readonly file: string | null) {
    if (file) this.gateways = readGateways(file);
  }
  list(): GatewaySettings[] {
    return this.gateways.map((g) => ({ ...g, modelIds: [...g.modelIds] }));
  }
  get(id: string): GatewaySettings | undefined {
    return this.gateways.find((g) => g.id === id);
  }
  upsert(g: GatewaySettings): GatewaySettings {
    this.gateways = [...this.gateways.filter((x) => x.id !== g.id), g];
    this.persist();
    return g;
  }
  remove(id: string): void {
    this.gateways = this.gateways.filter((x) => x.id !== id);
    this.persist();
  }
  private persist(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.gateways, null, 2));
  }
}
