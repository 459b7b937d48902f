/** UI state: overlay look, layer visibility, messages (see toast-logic.ts), busy state. Never part of history. */
import type { StateCreator } from 'zustand';
import type { AppErrorInfo } from '../../../shared/errors';
import type { DocState } from '../../model/document-types';
import type { EditorStore } from './store';
import type { WaitingNote } from '../waiting-note';
import type { RevertAsk } from '../../model/revert-plan';
import type { PromptMark } from '../prompt-mark';
import {
  AUTO_DISMISS_MS,
  autoDismisses,
  offersUndo,
  pushToast,
  withoutActionErrors,
  type ToastAction,
  type ToastTone,
} from '../../model/toast-logic';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  kind?: AppErrorInfo['kind'];
  /** The action an error is about: it goes when that action next succeeds (`succeeded`). */
  action?: ToastAction;
  /** The file (its path) an error is about: it goes when that file is next opened or saved (`succeeded`). */
  file?: string;
  /** About the staged candidates ("No candidate reads … right"): it goes when they go (staged-messages.ts). */
  aboutStaged?: true;
  /** A rate limit's end (epoch ms): its "try again in 12 s" counts down to it (toast-logic.ts `countdownMessage`). */
  retryAt?: number;
}

/** The project file the open document belongs to (saved to or opened from), for the title and "unsaved changes". */
export interface ProjectFile {
  name: string;
  path: string;
  /** The document id the file holds. */
  docId: string;
  /**
   * The document record as last saved or opened: the document is unchanged while it is this very
   * object. Null: the file holds an earlier state (a recovered session of a saved project).
   */
  savedDoc: DocState | null;
}

export interface OpenAsk {
  unsaved: boolean;
  project: boolean;
}

export interface UiSlice {
  project: ProjectFile | null;
  setProject(p: ProjectFile | null): void;
  /** The prompt box as the open document opened or was last saved (renderer/commands/prompt-mark.ts). */
  promptMark: PromptMark | null;
  setPromptMark(m: PromptMark | null): void;
  /** "Save changes?" is being asked before another file opens (renderer/commands/project-commands.ts). */
  /**
   * The unsaved-changes question, while open: the document or project it is about (its name), and
   * whether what replaces it is known to be a project (then Ctrl+Z cannot bring it back).
   */
  unsavedAsk: { name: string; byProject: boolean } | null;
  setUnsavedAsk(ask: { name: string; byProject: boolean } | null): void;
  /** File › Revert is being confirmed (renderer/commands/revert.ts): what would be reloaded, or null. */
  revertAsk: RevertAsk | null;
  setRevertAsk(ask: RevertAsk | null): void;
  maskVisible: boolean;
  /** The overlay is shown over staged candidates too (asked for while they are staged; see overlay-visibility.ts). */
  maskOverStaged: boolean;
  setMaskOverStaged(v: boolean): void;
  maskColor: [number, number, number];
  maskOpacity: number;
  /** View-only hiding of the original (`original`); patch layer visibility is in the document (undoable). */
  hiddenLayers: Record<string, true>;
  toasts: Toast[];
  busy: string | null;
  /** Results waiting on another history step, and how to reach them (staging-history.ts), or null. */
  waitingNote: WaitingNote | null;
  setWaitingNote(note: WaitingNote | null): void;
  /**
   * The last mask Keep or Clear took away (an immutable mask id, kept alive by the history that
   * holds it): Reselect (Ctrl+Shift+D) brings it back. Not part of history itself.
   */
  droppedMask: { docId: string; maskId: string } | null;
  setDroppedMask(d: { docId: string; maskId: string } | null): void;
  /**
   * "A job is running" is being asked before another file opens (renderer/commands/open-guard.ts):
   * `unsaved`, together with "unsaved changes" (one question); `project`, the file is a project.
   */
  openAsk: OpenAsk | null;
  setOpenAsk(v: OpenAsk | null): void;
  /**
   * A layer's opacity while its field is being edited (typed, stepped): the canvas draws it at once;
   * the document (and history) gets it once, when the edit is applied (LayerActions.tsx). Null: none.
   */
  opacityPreview: { layerId: string; opacity: number } | null;
  setOpacityPreview(p: { layerId: string; opacity: number } | null): void;
  /** The Export… dialog is open. */
  exportOpen: boolean;
  setExportOpen(v: boolean): void;
  /** The Keyboard shortcuts list (`?`) is open. */
  shortcutsOpen: boolean;
  setShortcutsOpen(v: boolean): void;
  setMaskVisible(v: boolean): void;
  setMaskLook(color: [number, number, number], opacity: number): void;
  toggleLayer(id: string): void;
  notify(tone: Toast['tone'], message: string, kind?: Toast['kind'], action?: ToastAction, file?: string): void;
  /** A message about the candidates staged now: it goes with them (Keep, Discard all, Esc). */
  notifyAboutStaged(tone: Toast['tone'], message: string): void;
  /** The staged candidates went: the messages about them go too. */
  dropStagedMessages(): void;
  /** An undo or redo was made: the messages that offer one ("Ctrl+Z brings it back") go (toast-logic.ts). */
  dropUndoOffers(): void;
  /**
   * `action` succeeded (on `file`, its path, when known): its earlier error messages, and those about
   * the same file, are stale and go (other errors stay).
   */
  succeeded(action: ToastAction, file?: string): void;
  /**
   * A new attempt at `action` began or failed (a Generate, or a Retry on another model): the earlier
   * attempts' error messages, and their Retry offers, are stale and go — only the latest failure shows.
   */
  supersede(action: ToastAction): void;
  dismiss(id: number): void;
  /** The message `id` says a rate limit's wait, which ends at `at` (epoch ms): it counts down to it. */
  setToastRetryAt(id: number, at: number): void;
  /** Messages with these words go (a hint that stopped being true: "Panels hidden" once they are back). */
  dropMessages(messages: readonly string[]): void;
  setBusy(label: string | null): void;
}

let toastId = 1;

type SetGet = Parameters<StateCreator<EditorStore, [], [], UiSlice>>;

function pushMessage(set: SetGet[0], get: SetGet[1], t: Omit<Toast, 'id'>): void {
  const id = toastId++;
  // The same words still showing are not stacked again (a second Keep as layer said "Keeping now
  // would drop…" twice, one under the other): the copy goes, the new one comes last with its full time.
  const others = get().toasts.filter((o) => o.tone !== t.tone || o.message !== t.message);
  set({ toasts: pushToast(others, { id, ...t }) });
  // Information and success messages go away by themselves; errors stay until closed.
  if (autoDismisses(t.tone)) setTimeout(() => get().dismiss(id), AUTO_DISMISS_MS);
}

export const createUiSlice: StateCreator<EditorStore, [], [], UiSlice> = (set, get) => ({
  project: null,
  setProject: (project) => set({ project }),
  promptMark: null,
  setPromptMark: (promptMark) => set({ promptMark }),
  unsavedAsk: null,
  setUnsavedAsk: (unsavedAsk) => set({ unsavedAsk }),
  revertAsk: null,
  setRevertAsk: (revertAsk) => set({ revertAsk }),
  maskVisible: true,
  maskOverStaged: false,
  setMaskOverStaged: (maskOverStaged) => set({ maskOverStaged }),
  maskColor: [255, 40, 80],
  maskOpacity: 0.5,
  hiddenLayers: {},
  toasts: [],
  busy: null,
  waitingNote: null,
  setWaitingNote: (waitingNote) => set({ waitingNote }),
  droppedMask: null,
  setDroppedMask: (droppedMask) => set({ droppedMask }),
  openAsk: null,
  setOpenAsk: (openAsk) => set({ openAsk }),
  opacityPreview: null,
  setOpacityPreview: (opacityPreview) => set({ opacityPreview }),
  exportOpen: false,
  setExportOpen: (exportOpen) => set({ exportOpen }),
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setMaskVisible: (maskVisible) => set({ maskVisible }),
  setMaskLook: (maskColor, maskOpacity) => set({ maskColor, maskOpacity: Math.min(1, Math.max(0.05, maskOpacity)) }),
  toggleLayer: (id) => {
    const hidden = { ...get().hiddenLayers };
    if (hidden[id]) delete hidden[id];
    else hidden[id] = true;
    set({ hiddenLayers: hidden });
  },
  notify(tone, message, kind, action, file) {
    pushMessage(set, get, { tone, message, kind, ...(action ? { action } : {}), ...(file ? { file } : {}) });
  },
  notifyAboutStaged(tone, message) {
    pushMessage(set, get, { tone, message, aboutStaged: true });
  },
  dropStagedMessages() {
    const toasts = get().toasts;
    if (toasts.some((t) => t.aboutStaged)) set({ toasts: toasts.filter((t) => !t.aboutStaged) });
  },
  dropUndoOffers() {
    const toasts = get().toasts;
    if (toasts.some((t) => offersUndo(t.message))) set({ toasts: toasts.filter((t) => !offersUndo(t.message)) });
  },
  succeeded(action, file) {
    const toasts = get().toasts;
    const next = withoutActionErrors(toasts, action, file);
    if (next.length !== toasts.length) set({ toasts: next });
  },
  supersede(action) {
    const { toasts, retryOffers } = get();
    const gone = toasts.filter((t) => t.tone === 'error' && t.action === action).map((t) => t.id);
    if (!gone.length) return;
    const offers = { ...retryOffers };
    for (const id of gone) delete offers[id];
    set({ toasts: toasts.filter((t) => !gone.includes(t.id)), retryOffers: offers });
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  setToastRetryAt: (id, retryAt) => set({ toasts: get().toasts.map((t) => (t.id === id ? { ...t, retryAt } : t)) }),
  dropMessages(messages) {
    const toasts = get().toasts;
    if (toasts.some((t) => messages.includes(t.message))) set({ toasts: toasts.filter((t) => !messages.includes(t.message)) });
  },
  setBusy: (busy) => set({ busy }),
});
