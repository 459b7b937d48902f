/**
 * Dialogs for the dev host: a browser page cannot show main's native dialogs, so "Open" picks the
 * path in MASKWORK_OPEN (or asks on the terminal) and exports go next to it with a new name.
 */
import { createInterface } from 'node:readline/promises';
import { join, isAbsolute, resolve } from 'node:path';
import type { Dialogs } from '../main/services/dialogs';

export function terminalDialogs(exportDir: string): Dialogs {
  async function ask(question: string): Promise<string | null> {
    if (!process.stdin.isTTY) return null;
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      const answer = (await rl.question(question)).trim();
      return answer || null;
    } finally {
      rl.close();
    }
  }
  return {
    async chooseImageToOpen() {
      const p = process.env.MASKWORK_OPEN ?? (await ask('Path of the image to open (empty = cancel): '));
      return p ? resolve(p) : null;
    },
    async chooseExportPath(suggestedName) {
      const p = await ask(`Export to [${join(exportDir, suggestedName)}]: `);
      if (p === null) return join(exportDir, suggestedName);
      return isAbsolute(p) ? p : join(exportDir, p);
    },
  };
}
