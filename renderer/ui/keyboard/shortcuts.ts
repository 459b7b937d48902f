/**
 * Photoshop-style shortcuts. One table; the help overlay and the tooltips read it too.
 * Ctrl on Windows/Linux, Cmd on macOS (either works everywhere).
 */
import { useEditor } from '../../commands/store/store';
import { toggleMaskOverlay } from '../../commands/overlay-visibility';
import {
  clearCurrentMask,
  documentMaskEmpty,
  invertCurrentMask,
  reselectableMask,
  reselectMask,
  selectAllMask,
} from '../../commands/mask-commands';
import { exportImage, openWithDialog } from '../../commands/document-io';
import { loadExportPrefs } from '../../commands/export-prefs-storage';
import { exportOptionsFor, qualityFor } from '../../model/export-prefs';
import { activeGesture } from '../tools/tool-registry';
import { cancelJob } from '../../commands/app-job-client';
import { escHasWork, escPressed } from '../../commands/esc-cancel';
import { cancelMulti } from '../../commands/multi-generate';
import { generateAny } from '../../commands/generate-action';
import { discardStaged, keepStaged } from '../../commands/edit-commands';
import { undoStep } from '../../commands/staging-history';
import { applyExtendDraft, cancelExtendDraft, extendProposal } from '../../commands/canvas-commands';
import { fieldOwnsKey } from './field-focus';
import { applyColorRange, cancelSelectJob, clearRangePreview, refineEdge, selectSubject, zoomToMask } from '../../commands/select-commands';
import { saveProject } from '../../commands/project-commands';
import { revertDocument } from '../../commands/revert';
import { DELETE_WITH_MASK, hintOnce, NO_PHOTO, NOTHING_TO_RESELECT, NOTHING_TO_SELECT_ALL, POLYGON_OPEN } from './shortcut-hints';
import { LAYER_SHORTCUTS } from './layer-shortcuts';
import { BRUSH_SHORTCUTS } from './brush-shortcuts';
import { NUDGE_SHORTCUTS, VIEW_SHORTCUTS, WORKSPACE_SHORTCUTS } from './view-shortcuts';
import { PHOTOSHOP_KEYS } from './photoshop-keys';
import { askFeather } from '../../commands/feather-ask';
import { keepWaitHint } from '../../commands/busy-hint';

export interface Shortcut {
  keys: string;
  label: string;
  match(e: KeyboardEvent): boolean;
  run(e: KeyboardEvent): void;
  /**
   * Also fires while focus is in a text field, number field or select (see field-focus.ts). Only for
   * keys that mean nothing to a field: Ctrl/Cmd+Enter generates from the prompt box, Ctrl/Cmd+O,
   * Ctrl/Cmd+S, Ctrl/Cmd+Shift+S, Ctrl/Cmd+Shift+Alt+S and Ctrl/Cmd+Alt+Shift+W open, save, save as, export
   * and open Export…; F12 reverts.
   */
  global?: boolean;
  /** Only moves the view (zoom): also acts while a polygon is being placed (see Tool.betweenClicks). */
  view?: boolean;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const s = () => useEditor.getState();
const staging = () => s().staging.items.length > 0 && !s().settingsOpen;
/** Candidates staged, or an edit's first one on screen ahead of its result (Keep waits for it to stage). */
const keepable = () => (s().staging.items.length > 0 || !!s().job?.early) && !s().settingsOpen;
/** A job runs and only earlier candidates are staged: Enter says so and keeps nothing (busy-hint.ts). */
const keepNotYet = () => {
  const hint = keepWaitHint(s());
  if (hint) s().notify('info', hint);
  return !!hint;
};
/** The extend tool has a proposal on the stage. */
const extending = () => !!extendProposal(s()) && !s().settingsOpen;

export const SHORTCUTS: Shortcut[] = [
  { keys: 'B', label: 'Brush', match: (e) => plain(e) && e.code === 'KeyB', run: () => s().setTool('brush') },
  { keys: 'E', label: 'Eraser', match: (e) => plain(e) && e.code === 'KeyE', run: () => s().setTool('eraser') },
  {
    keys: 'X',
    label: 'Swap brush and eraser',
    match: (e) => plain(e) && !e.shiftKey && e.code === 'KeyX',
    run: () => s().setTool(s().tool === 'eraser' ? 'brush' : 'eraser'),
  },
  { keys: 'M', label: 'Rectangle marquee', match: (e) => plain(e) && !e.shiftKey && e.code === 'KeyM', run: () => s().setTool('rect') },
  {
    keys: 'Shift+M',
    label: 'Ellipse marquee',
    match: (e) => plain(e) && e.shiftKey && e.code === 'KeyM',
    run: () => s().setTool('ellipse'),
  },
  { keys: 'W', label: 'Magic wand', match: (e) => plain(e) && !e.shiftKey && e.code === 'KeyW', run: () => s().setTool('wand') },
  { keys: 'O', label: 'Object select', match: (e) => plain(e) && !e.shiftKey && e.code === 'KeyO', run: () => s().setTool('object') },
  { keys: 'Shift+O', label: 'Select subject', match: (e) => plain(e) && e.shiftKey && e.code === 'KeyO', run: () => void selectSubject() },
  {
    keys: 'I',
    label: 'Select colour range (eyedropper)',
    match: (e) => plain(e) && !e.shiftKey && e.code === 'KeyI',
    run: () => s().setTool('colorRange'),
  },
  {
    keys: 'Enter',
    label: 'Apply the colour range selection',
    match: (e) => plain(e) && !e.shiftKey && e.key === 'Enter' && s().tool === 'colorRange' && s().select.colors.length > 0 && !staging(),
    run: () => void applyColorRange(s().selectionMode),
  },
  { keys: 'Z', label: 'Zoom tool', match: (e) => plain(e) && !e.shiftKey && e.code === 'KeyZ', run: () => s().setTool('zoom') },
  { keys: 'Shift+Z', label: 'Zoom to the mask', match: (e) => plain(e) && e.shiftKey && e.code === 'KeyZ', run: () => zoomToMask() },
  { keys: 'Ctrl+Alt+R', label: 'Refine edge', match: (e) => mod(e) && e.altKey && e.code === 'KeyR', run: () => void refineEdge() },
  {
    // Photoshop's Select › Modify › Feather…: a radius, Enter feathers the mask as one step.
    keys: 'Shift+F6',
    label: 'Feather the mask… (a radius in px)',
    match: (e) => !mod(e) && !e.altKey && e.shiftKey && e.code === 'F6' && !!s().doc && !s().settingsOpen,
    run: () => askFeather(),
  },
  {
    keys: 'Esc',
    label: 'Cancel the running selection (object select, subject, wand, refine edge)',
    match: (e) => e.key === 'Escape' && !!s().selecting,
    run: () => cancelSelectJob(),
  },
  {
    // As Cancel in Photoshop's Color Range: the picked colours and their preview go, the mask stays.
    // The preview, tinted like the mask, stayed on Esc.
    keys: 'Esc',
    label: 'Colour range: drop the picked colours and their preview',
    match: (e) =>
      e.key === 'Escape' &&
      !s().selecting &&
      s().tool === 'colorRange' &&
      s().select.colors.length > 0 &&
      !s().job &&
      !staging() &&
      !s().settingsOpen,
    run: () => clearRangePreview(),
  },
  { keys: 'L', label: 'Lasso / polygon', match: (e) => plain(e) && e.code === 'KeyL', run: () => s().setTool('lasso') },
  {
    keys: 'C',
    label: 'Extend canvas (outpaint crop)',
    match: (e) => plain(e) && e.code === 'KeyC',
    // With no photo there is nothing to extend: it chose the tool and showed its Apply, and said nothing.
    run: () => (s().doc ? s().setTool('extend') : hintOnce(NO_PHOTO)),
  },
  {
    keys: 'Ctrl+Alt+C',
    label: 'Extend canvas (Photoshop’s Canvas Size)',
    match: (e) => mod(e) && e.altKey && !e.shiftKey && e.code === 'KeyC',
    run: () => (s().doc ? s().setTool('extend') : hintOnce(NO_PHOTO)),
  },
  { keys: 'H', label: 'Hand (pan)', match: (e) => plain(e) && e.code === 'KeyH', run: () => s().setTool('pan') },
  ...BRUSH_SHORTCUTS,
  {
    keys: '\\',
    label: 'Toggle mask overlay',
    match: (e) => plain(e) && e.code === 'Backslash',
    run: () => toggleMaskOverlay(),
  },
  // Photoshop's Quick Mask key (a red overlay to paint the selection on, which the mask overlay always is).
  {
    keys: 'Q',
    label: 'Toggle mask overlay (Quick Mask)',
    match: (e) => plain(e) && !e.shiftKey && e.code === 'KeyQ',
    run: () => toggleMaskOverlay(),
  },
  { keys: 'Ctrl+Z', label: 'Undo', match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.code === 'KeyZ', run: () => undoStep() },
  // Photoshop's Step Backward (Edit menu); it undid already, unlisted.
  {
    keys: 'Ctrl+Alt+Z',
    label: 'Step backward (Undo)',
    match: (e) => mod(e) && !e.shiftKey && e.altKey && e.code === 'KeyZ',
    run: () => undoStep(),
  },
  { keys: 'Ctrl+Shift+Z', label: 'Redo', match: (e) => mod(e) && e.shiftKey && e.code === 'KeyZ', run: () => s().redo() },
  { keys: 'Ctrl+Y', label: 'Redo', match: (e) => mod(e) && e.code === 'KeyY', run: () => s().redo() },
  ...VIEW_SHORTCUTS,
  ...WORKSPACE_SHORTCUTS,
  ...NUDGE_SHORTCUTS,
  { keys: 'Ctrl+Shift+I', label: 'Invert mask', match: (e) => mod(e) && e.shiftKey && e.code === 'KeyI', run: () => invertCurrentMask() },
  {
    keys: 'Ctrl+A',
    label: 'Mask everything',
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.code === 'KeyA',
    run: () => (s().doc ? selectAllMask() : hintOnce(NOTHING_TO_SELECT_ALL)),
  },
  {
    keys: 'Ctrl+D',
    label: 'Clear mask',
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.code === 'KeyD',
    run: () => clearCurrentMask(),
  },
  {
    keys: 'Ctrl+Shift+D',
    label: 'Reselect: the mask Keep or Clear took away',
    match: (e) => mod(e) && e.shiftKey && e.code === 'KeyD',
    run: () => {
      if (s().doc && !reselectableMask(s())) hintOnce(NOTHING_TO_RESELECT);
      else reselectMask();
    },
  },
  {
    keys: 'Ctrl+O',
    label: 'Open… (a photo or a project)',
    global: true,
    match: (e) => mod(e) && e.code === 'KeyO',
    run: () => void openWithDialog(),
  },
  {
    keys: 'Ctrl+S',
    label: 'Save the project',
    global: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.code === 'KeyS',
    run: () => (s().doc ? void saveProject(false) : hintOnce(NO_PHOTO)),
  },
  {
    // Photoshop's File › Revert: back to the last saved state, after asking (reopening the open project keeps it).
    keys: 'F12',
    label: 'Revert to the saved file',
    global: true,
    match: (e) => e.key === 'F12' && !mod(e) && !e.altKey && !e.shiftKey,
    run: (e) => {
      e.preventDefault();
      revertDocument();
    },
  },
  {
    // Photoshop's keys: Ctrl+Shift+S is Save As, Ctrl+Alt+Shift+S an export (Save for Web).
    keys: 'Ctrl+Shift+S',
    label: 'Save the project as…',
    global: true,
    match: (e) => mod(e) && e.shiftKey && !e.altKey && e.code === 'KeyS',
    run: () => (s().doc ? void saveProject(true) : hintOnce(NO_PHOTO)),
  },
  {
    keys: 'Ctrl+Shift+Alt+S',
    label: 'Export (the last format and quality chosen in Export…)',
    global: true,
    match: (e) => mod(e) && e.shiftKey && e.altKey && e.code === 'KeyS',
    run: () => {
      if (!s().doc) return hintOnce(NO_PHOTO);
      const p = loadExportPrefs();
      void exportImage(p.format, qualityFor(p), exportOptionsFor(p));
    },
  },
  {
    // Photoshop's File › Export › Export As… (Ctrl+Shift+E is its Merge Visible, which the app has not).
    keys: 'Ctrl+Alt+Shift+W',
    label: 'Export… (choose the format and quality: PNG, JPEG, WebP, TIFF, PSD)',
    global: true,
    match: (e) => mod(e) && e.shiftKey && e.altKey && e.code === 'KeyW',
    run: () => (s().doc ? s().setExportOpen(true) : hintOnce(NO_PHOTO)),
  },
  {
    keys: '?',
    label: 'Keyboard shortcuts (this list)',
    match: (e) => !mod(e) && !e.altKey && e.key === '?',
    run: () => s().setShortcutsOpen(true),
  },
  {
    keys: 'Ctrl+Alt+Shift+K',
    label: 'Keyboard shortcuts (as in Photoshop)',
    match: (e) => mod(e) && e.altKey && e.shiftKey && e.code === 'KeyK',
    run: () => s().setShortcutsOpen(true),
  },
  {
    // Photoshop's Edit › Preferences (it did nothing).
    keys: 'Ctrl+K',
    label: 'Settings (Photoshop’s Preferences)',
    match: (e) => mod(e) && !e.altKey && !e.shiftKey && e.code === 'KeyK',
    run: () => s().setSettingsOpen(true),
  },
  {
    keys: 'Ctrl+Enter',
    label: 'Generate',
    global: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key === 'Enter' && !s().settingsOpen,
    run: () => {
      // Leave the prompt box so Enter, ←/→ and Esc act on the candidates that arrive.
      const el = document.activeElement;
      if (el instanceof HTMLElement && el !== document.body) el.blur();
      void generateAny();
    },
  },
  {
    // Photoshop's Edit › Fill… (content-aware fill of the selection): here Generate fills the mask,
    // with the model chosen in Generate, as Ctrl+Enter; with no mask it says so. They did nothing.
    keys: 'Shift+Backspace / Shift+F5',
    label: 'Fill the mask: Generate, as Ctrl+Enter (Photoshop’s Edit › Fill…)',
    match: (e) => !mod(e) && !e.altKey && e.shiftKey && (e.key === 'Backspace' || e.key === 'F5') && !s().settingsOpen,
    run: () => void generateAny(),
  },
  {
    keys: 'Enter',
    label: 'Apply the canvas extension',
    match: (e) => plain(e) && !e.shiftKey && e.key === 'Enter' && extending() && !staging(),
    run: () => applyExtendDraft(),
  },
  {
    keys: 'Esc',
    label: 'Cancel the canvas extension preview',
    match: (e) => e.key === 'Escape' && !activeGesture() && extending(),
    run: () => cancelExtendDraft(),
  },
  {
    keys: 'Enter',
    label: 'Keep the selected candidate',
    match: (e) => plain(e) && !e.shiftKey && e.key === 'Enter' && keepable(),
    run: () => void (keepNotYet() || keepStaged(true)),
  },
  {
    keys: 'Shift+Enter',
    label: 'Keep as layer (staging stays open)',
    match: (e) => plain(e) && e.shiftKey && e.key === 'Enter' && keepable(),
    run: () => void (keepNotYet() || keepStaged(false)),
  },
  {
    keys: '← / →',
    label: 'Previous / next candidate',
    match: (e) => plain(e) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && staging(),
    run: (e) => s().flipStaged(e.key === 'ArrowLeft' ? -1 : 1),
  },
  {
    keys: 'Y (hold)',
    label: 'Compare: show the photo without the candidate',
    match: (e) => plain(e) && !e.shiftKey && e.code === 'KeyY' && staging(),
    run: () => {
      if (!s().compare.held) s().setCompare({ held: true });
    },
  },
  ...LAYER_SHORTCUTS,
  {
    // Photoshop fills or clears a selection on Delete; here the mask is filled by Generate. Delete
    // with a mask did nothing and said nothing.
    keys: 'Delete / Backspace',
    label: 'With a mask: say how to fill or clear it',
    match: (e) => plain(e) && !e.shiftKey && (e.key === 'Delete' || e.key === 'Backspace') && !staging() && !documentMaskEmpty(),
    run: () => {
      hintOnce(DELETE_WITH_MASK);
    },
  },
  {
    keys: 'Delete',
    label: 'Discard the selected candidate',
    match: (e) => plain(e) && e.key === 'Delete' && staging(),
    run: () => discardStaged(),
  },
  ...PHOTOSHOP_KEYS,
  {
    keys: 'Esc',
    label: "Cancel the running job or models (a cloud model's: press twice), else discard all candidates",
    match: (e) => e.key === 'Escape' && !activeGesture() && !s().settingsOpen && escHasWork(s()),
    run: () => escPressed(cancelJob, cancelMulti),
  },
  {
    // Esc's last meaning, after every one above (a gesture, a selection job, the colour range, the
    // extension, a job, the candidates; dialogs and fields keep theirs): the newest message goes, as a
    // transient panel does in Photoshop. Only its × closed one, and an error message stays until closed.
    keys: 'Esc',
    label: 'Close the newest message (when Esc has nothing else to cancel)',
    match: (e) => e.key === 'Escape' && !activeGesture() && !s().settingsOpen && s().toasts.length > 0,
    run: () => s().dismiss(s().toasts[s().toasts.length - 1].id),
  },
];

export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    // A key pressed in a text field, number field or select is the field's: a space, B, Enter, Ctrl+A…
    const typing = fieldOwnsKey(e);
    const sc = SHORTCUTS.find((x) => (!typing || x.global) && x.match(e));
    // History and tool switches wait until a gesture is finished or cancelled; between a polygon's
    // clicks the zoom keys act (as in Photoshop), and any other shortcut says what to do first.
    const g = activeGesture();
    if (g && e.key !== 'Escape') {
      if (!sc || !g.betweenClicks?.()) return;
      // A lone first point (one click, no drag) is dropped and the shortcut runs: Ctrl+S waited
      // behind a polygon the user did not know was open.
      if (!sc.view && !g.dropLonePoint?.()) {
        e.preventDefault();
        hintOnce(POLYGON_OPEN);
        return;
      }
    }
    if (!sc) return;
    e.preventDefault();
    sc.run(e);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
