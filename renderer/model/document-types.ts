/** Document records: plain serialisable data; pixels are referenced by id (asset ids in main, mask ids in the blob store). */

/**
 * The records come from the shared document schema (shared/document/schema.ts), which main also uses
 * to validate an autosave before restoring it: one definition for both processes.
 */
import type { DocState } from '../../shared/document/schema';

export type { DocState, OriginalRef, PatchLayer, Version } from '../../shared/document/schema';

export interface Snapshot {
  doc: DocState;
  /** What produced this state ("Brush stroke", "Invert mask" …), shown in the history panel. */
  label: string;
}
