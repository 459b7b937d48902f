/**
 * Dialogs for the dev host: a browser page cannot show main's native dialogs, so "Open" picks the
 * path in MASKWORK_OPEN (or asks on the terminal), a batch's images MASKWORK_OPEN_MANY or
 * MASKWORK_BATCH_FOLDER (or asks), and exports go into the export folder under the
 * suggested name. The name comes from the page, so only its last part is used (`../../x` → `x`),
 * and an existing file is never replaced: an export or a project to a taken name gets the next free
 * number ("photo-edited 2.jpg", "photo 2.maskwork"). A second export was refused ("… already exists
 * and was not replaced. Choose another name.") with no way here to choose one.
 */
import { createInterface } from 'node:readline/promises';
import { existsSync } from 'node:fs';
import { basename, delimiter, dirname, extname, join, isAbsolute, resolve } from 'node:path';
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
      const fallback = freePath(join(exportDir, name));
      const typed = await ask(`Export to [${fallback}]: `);
      // replaceExisting stays false: a file written there meanwhile is still never replaced.
      const path = typed === null ? fallback : freePath(isAbsolute(typed) ? typed : join(exportDir, typed));
      return { path, replaceExisting: false };
    },
    // Batch: several images (MASKWORK_OPEN_MANY, paths separated by the OS's path-list separator, or
    // asked), a folder of images (MASKWORK_BATCH_FOLDER, or asked) and the export folder (asked; the
    // dev host's export folder when nothing is typed). They answered "This host cannot show that dialog".
    async chooseImagesToOpen() {
      const typed = process.env.MASKWORK_OPEN_MANY ?? (await ask(`Paths of the images, separated by "${delimiter}" (empty = cancel): `));
      const paths = (typed ?? '')
        .split(delimiter)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => resolve(p));
      return paths.length ? paths : null;
    },
    async chooseFolder(purpose) {
      if (purpose === 'images') {
        const p = process.env.MASKWORK_BATCH_FOLDER ?? (await ask('Folder of images to add (empty = cancel): '));
        return p ? resolve(p) : null;
      }
      const typed = await ask(`Export the kept results to [${exportDir}]: `);
      return typed === null ? exportDir : isAbsolute(typed) ? typed : join(exportDir, typed);
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
