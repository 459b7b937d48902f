/** OpenAI-compatible gateways the user configured (name, base URL, model ids). Keys live in KeyStore as `gateway:<id>`. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GatewaySettings } from '../../../shared/ipc/contract-types';

export class GatewayStore {
  private gateways: GatewaySettings[] = [];
  constructor(private readonly file: string | null) {
    if (file) {
      try {
        this.gateways = JSON.parse(readFileSync(file, 'utf8')) as GatewaySettings[];
      } catch {
        this.gateways = [];
      }
    }
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
