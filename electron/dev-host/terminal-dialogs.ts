/**
 * Dialogs for the dev host: a browser page cannot show main's native dialogs, so "Open" picks the
 * path in MASKWORK_OPEN (or asks on the terminal) and exports go into the export folder under the
 * suggested name. The name comes from the page, so only its last part is used (`../../x` → `x`),
 * and an existing file is never replaced: an export to a taken name is refused, a project saved
 * under one gets the next free number ("photo 2.maskwork").
 */
import { createInterface } from 'node:readline/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, isAbsolute, resolve } from 'node:path';
import type { Dialogs } from '../main/services/dialogs';
import { safeFileName } from '../main/services/image-files';

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
    async chooseExportPath(suggestedName, format) {
      const name = safeFileName(suggestedName) ?? `untitled-edited.${format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : format}`;
      const fallback = join(exportDir, name);
      const typed = await ask(`Export to [${fallback}]: `);
      const path = typed === null ? fallback : isAbsolute(typed) ? typed : join(exportDir, typed);
      return { path, replaceExisting: false };
    },
    async chooseProjectPath(suggestedName) {
      // No overwrite prompt here (a native dialog asks): a name already taken gets a number instead.
      const fallback = freePath(join(exportDir, safeFileName(suggestedName) ?? 'Untitled.maskwork'));
      const typed = await ask(`Save the project as [${fallback}]: `);
      return typed === null ? fallback : freePath(isAbsolute(typed) ? typed : join(exportDir, typed));
    },
  };
}

/** `path`, or the first of "name 2.ext", "name 3.ext", … that does not exist yet. */
export function freePath(path: string): string {
  if (!existsSync(path)) return path;
  const ext = extname(path);
  const stem = basename(path, ext);
  for (let k = 2; ; k++) {
    const next = join(dirname(path), `${stem} ${k}${ext}`);
    if (!existsSync(next)) return next;
  }
}
