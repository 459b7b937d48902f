/**
 * The document and its undo history as a project payload (shared/project/project-schema.ts), and
 * back. Pure: the masks come in and go out through the functions the caller passes, nothing here
 * touches the store, the blob store or the bridge. Saved and autosaved projects both use it.
 *
 * Which steps a project keeps: the open document's own steps nearest the present (a step on another
 * photo — opening a photo is undoable — ends the run), at most `historyLimit` undo steps and as many
 * redo steps. Masks are referenced by any `maskId` field in a record (the document's and each layer's).
 */
import type { TiledMask } from '../../shared/mask';
import { packMasks, unpackMask, unpackPool } from '../../shared/project/mask-pack';
import * as v from 'valibot';
import {
  firstIssue,
  maskIdsOf,
  payloadProblem,
  PROJECT_HISTORY_MAX,
  PROJECT_PROMPT_MAX,
  ProjectPayloadSchema,
  remapMaskIds,
  type ProjectPayload,
  type ProjectPayloadInput,
} from '../../shared/project/project-schema';
import { packSteps, unpackSteps } from '../../shared/project/step-pack';
import type { DocState, Snapshot } from './document-types';

/** What the document slice holds: the present state and the steps around it. */
export interface HistoryState {
  doc: DocState;
  label: string;
  past: readonly Snapshot[];
  future: readonly Snapshot[];
}

/** A reference image of the Generate panel as the project keeps it. */
export type ProjectReference = ProjectPayload['references'][number];

/** The prompt box as the project keeps it: the prompt and the text check's Text. */
export interface ProjectPrompt {
  prompt: string;
  text: string;
}

/** What was selected at the save: the layer (or the original's row) and the mask Reselect brings back. */
export interface ProjectSelection {
  layer?: string;
  reselectMaskId?: string;
}

/** The steps a project keeps (see the file comment). */
export function projectSteps(s: HistoryState, historyLimit: number): { past: Snapshot[]; future: Snapshot[] } {
  const limit = Math.max(0, Math.min(PROJECT_HISTORY_MAX, Math.floor(historyLimit)));
  let start = s.past.length;
  while (start > 0 && s.past.length - start < limit && s.past[start - 1].doc.id === s.doc.id) start--;
  let end = 0;
  while (end < s.future.length && end < limit && s.future[end].doc.id === s.doc.id) end++;
  return { past: s.past.slice(start), future: s.future.slice(0, end) };
}

/** The payload text and the packed mask tiles for `project:save` / `project:autosave`. */
export function buildProjectPayload(
  s: HistoryState,
  getMask: (id: string) => TiledMask,
  opts: { historyLimit: number; references: readonly ProjectReference[]; prompt?: ProjectPrompt; selection?: ProjectSelection },
): { project: string; tiles: Uint8Array; steps: number } {
  const { past, future } = projectSteps(s, opts.historyLimit);
  // Layer and version records once each: the history repeats them in every step (step-pack.ts).
  const steps = packSteps([{ doc: s.doc, label: s.label }, ...past, ...future].map((x) => ({ doc: x.doc, label: x.label })));
  const ids = maskIdsOf(steps.layers);
  for (const step of steps.steps) maskIdsOf(step.doc, ids);
  const sel = opts.selection;
  if (sel?.reselectMaskId) ids.add(sel.reselectMaskId);
  const packed = packMasks(new Map([...ids].map((id) => [id, getMask(id)])));
  const payload: ProjectPayloadInput = {
    current: steps.steps[0],
    past: steps.steps.slice(1, 1 + past.length),
    future: steps.steps.slice(1 + past.length),
    layers: steps.layers,
    versions: steps.versions,
    masks: packed.masks,
    tileCount: packed.tileCount,
    references: opts.references.map(({ assetId, name, width, height }) => ({ assetId, name, width, height })),
    ...(opts.prompt
      ? { prompt: { prompt: opts.prompt.prompt.slice(0, PROJECT_PROMPT_MAX), text: opts.prompt.text.slice(0, PROJECT_PROMPT_MAX) } }
      : {}),
    ...(sel && (sel.layer || sel.reselectMaskId) ? { selection: { ...sel } } : {}),
    historyLimit: Math.max(0, Math.min(PROJECT_HISTORY_MAX, Math.floor(opts.historyLimit))),
  };
  return { project: JSON.stringify(payload), tiles: packed.pool, steps: past.length + future.length };
}

/** A project read back: the history with masks re-registered under new ids. */
export interface LoadedProject {
  current: Snapshot;
  past: Snapshot[];
  future: Snapshot[];
  references: ProjectReference[];
  /** The prompt box saved with the project; absent in a project from an older Maskwork. */
  prompt?: ProjectPrompt;
  /** What was selected at the save, its mask under its new id; absent in a project from an older Maskwork. */
  selection?: ProjectSelection;
  historyLimit: number;
}

/**
 * Parses a payload main sent (validated again here with the same schema), rebuilds its masks and
 * registers each with `putMask`, rewriting every `maskId` to the new id. Layers whose image is not in
 * `haveAsset` are dropped (an autosave whose patch file was lost). Throws an Error with a plain reason.
 */
export function readProjectPayload(
  text: string,
  tiles: Uint8Array,
  putMask: (mask: TiledMask) => string,
  haveAsset: (assetId: string) => boolean,
): LoadedProject {
  const r = v.safeParse(ProjectPayloadSchema, JSON.parse(text));
  if (!r.success) throw new Error(`the project is not valid (${firstIssue(r.issues)})`);
  const p = r.output;
  const problem = payloadProblem(p);
  if (problem) throw new Error(`the project is not valid (${problem})`);
  const pool = unpackPool(tiles);
  const ids = new Map<string, string>();
  for (const [id, packed] of Object.entries(p.masks)) ids.set(id, putMask(unpackMask(packed, pool)));
  // Each pooled layer is remapped once and shared by every step that has it; a layer whose image is
  // missing (an autosave whose patch file was lost) is dropped from every step and version.
  const steps: Snapshot[] = unpackSteps(
    {
      steps: [p.current, ...p.past, ...p.future].map((s) => ({ doc: remapMaskIds(s.doc, ids), label: s.label })),
      layers: p.layers,
      versions: p.versions,
    },
    (l) => (haveAsset(l.assetId) ? remapMaskIds(l, ids) : null),
  );
  return {
    current: steps[0],
    past: steps.slice(1, 1 + p.past.length),
    future: steps.slice(1 + p.past.length),
    references: p.references.filter((ref) => haveAsset(ref.assetId)),
    ...(p.prompt ? { prompt: p.prompt } : {}),
    ...(p.selection
      ? {
          selection: {
            ...(p.selection.layer ? { layer: p.selection.layer } : {}),
            ...(p.selection.reselectMaskId ? { reselectMaskId: ids.get(p.selection.reselectMaskId) } : {}),
          },
        }
      : {}),
    historyLimit: p.historyLimit,
  };
}
