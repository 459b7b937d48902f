/**
 * Main's handler table on a folder, with its dialogs answered from queues as a user would pick files,
 * called as the renderer calls it (validated, Result-wrapped): for unit tests of what main does with
 * the files a user opens, saves and drops.
 */
import { join } from 'node:path';
import { createServices } from '../../electron/main/create-services';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Dialogs } from '../../electron/main/services/dialogs';

/** Dialogs answered from queues: Open… from `opens`, Export… from `saves`, a project's Save As from `projects`. */
export class Picks implements Dialogs {
  opens: string[] = [];
  saves: string[] = [];
  projects: string[] = [];
  async chooseImageToOpen() {
    return this.opens.shift() ?? null;
  }
  async chooseExportPath() {
    return this.saves.shift() ?? null;
  }
  async chooseProjectPath() {
    return this.projects.shift() ?? null;
  }
}

/** A `call(channel, payload)` into fresh main services whose assets and settings live under `dir`. */
export function mainOn(dir: string, picks: Picks, env: Record<string, string> = {}) {
  const svc = createServices({
    host: 'test',
    version: '0',
    assetDir: join(dir, 'assets'),
    settingsDir: join(dir, 'settings'),
    dialogs: picks,
    env,
  });
  const table = createHandlers(svc);
  return (channel: string, payload: unknown): Promise<any> => dispatch(table, channel, payload, { emit: () => {} });
}
