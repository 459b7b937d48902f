/**
 * Files dropped while the Batch dialog is open join the new batch (all of them), as Add images… would
 * add them; they opened in the editor behind it (the first replaced the document, the rest were
 * ignored) and the batch stayed empty. The New batch section registers what to do with them while
 * it is shown; drop-and-paste.ts routes a drop there.
 */
import { useEffect, useRef } from 'react';
import type { BatchFile } from '../../shared/ipc/batch-contract';
import { hasImageExtension, OPENABLE_IMAGE_NAMES } from '../../shared/files/image-formats';
import { errorInfo } from '../commands/bridge';
import * as batch from '../commands/batch-client';

type Receiver = (files: File[]) => unknown;
let receiver: Receiver | null = null;

/** The New batch section's receiver while it is shown; returns the unregister. */
export function receiveBatchDrops(r: Receiver): () => void {
  receiver = r;
  return () => {
    if (receiver === r) receiver = null;
  };
}

/** Registers `onFiles` (its latest version) while the calling component is shown. */
export function useBatchDrops(onFiles: Receiver): void {
  const latest = useRef(onFiles);
  latest.current = onFiles;
  useEffect(() => receiveBatchDrops((files) => latest.current(files)), []);
}

/** Hands dropped files to the Batch dialog; false when it is not showing a new batch. */
export function dropOnBatch(files: File[]): boolean {
  if (!receiver) return false;
  receiver(files);
  return true;
}

/**
 * Adds dropped files to the batch: the images (each as main lists it, with its mask found by name
 * when it came from a file), and a message naming what was not added and why (not an image, or main's reason).
 */
export async function addDroppedFiles(files: File[]): Promise<{ added: BatchFile[]; problem: string | null }> {
  const added: BatchFile[] = [];
  const notImages: string[] = [];
  const refused: string[] = [];
  for (const f of files) {
    if (!hasImageExtension(f.name)) {
      notImages.push(f.name || 'A file');
      continue;
    }
    try {
      added.push(...(await batch.addDropped(f)));
    } catch (e) {
      refused.push(errorInfo(e).message);
    }
  }
  const lines = [
    ...(notImages.length
      ? [
          `${notImages.join(', ')} ${notImages.length === 1 ? 'is not an image' : 'are not images'} a batch takes (${OPENABLE_IMAGE_NAMES}): not added.`,
        ]
      : []),
    ...refused,
  ];
  return { added, problem: lines.length ? lines.join(' ') : null };
}
