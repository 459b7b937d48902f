/** The status bar: document facts, what the last step was, busy work, and what was spent (the app's ledger). */
import { useId, useState } from 'react';
import type { SpendSummary } from '../../../shared/ipc/contract-types';
import { useEditor } from '../../commands/store/store';
import { fitOnScreen } from '../../commands/canvas-commands';
import { formatUsd } from '../../model/estimate';
import { BatchButton } from '../BatchButton';
import { currentStepWords } from '../../model/history-labels';
import { documentName, hasUnsavedChanges } from '../../commands/project-commands';

export function StatusBar() {
  const doc = useEditor((s) => s.doc);
  const busy = useEditor((s) => s.busy);
  // The current step as History's highlighted row says it ("Keep … result (2)").
  const label = useEditor((s) => (s.doc ? currentStepWords(s.past, s.label, s.doc.id) : s.label));
  const name = useEditor((s) => documentName(s));
  // Follows every change of the document and its file, as the window title does.
  const unsaved = useEditor(() => hasUnsavedChanges());
  const fromPhoto = useEditor((s) => (s.doc && name !== s.doc.original.name ? s.doc.original.name : null));
  return (
    <footer className="status-bar">
      {doc ? (
        <>
          {/* The project's name once the document is one (it showed the photo's), and • while changes are
              not saved, as the window title and Photoshop's tab (*) mark them. */}
          <span
            className="status-name"
            data-testid="status-name"
            title={[name, fromPhoto && `(project of ${fromPhoto})`, unsaved && '— unsaved changes'].filter(Boolean).join(' ')}
          >
            {name}
          </span>
          {unsaved && (
            <span
              className="status-unsaved"
              data-testid="status-unsaved"
              role="img"
              aria-label="Unsaved changes"
              title="Unsaved changes (Ctrl/⌘ S saves a project)"
            >
              •
            </span>
          )}
          <span>
            {doc.canvas.width}×{doc.canvas.height} px ({((doc.canvas.width * doc.canvas.height) / 1e6).toFixed(1)} MP)
          </span>
          {/* Mode and depth as Photoshop's title says them: "RGB/16", "Gray/16", "CMYK/8" (edited in RGB). */}
          <span data-testid="status-mode" title={modeTitle(doc.original)}>
            {modeName(doc.original)}/{doc.original.depth ?? 8}
          </span>
          <span>{doc.original.hasIcc ? 'ICC profile' : 'no ICC profile'}</span>
          <span className="muted status-last" title={`Last: ${label}`}>
            Last: {label}
          </span>
        </>
      ) : (
        <span className="muted">No document</span>
      )}
      <span className="spacer" />
      <WaitingNoteView />
      {busy && (
        <span className="busy" data-testid="busy">
          {busy}
        </span>
      )}
      <ZoomControls />
      {/* In the status bar: the options bar has no room left at 1280 px with the extend tool's fields. */}
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => useEditor.getState().setShortcutsOpen(true)}
      >
        ⌨
      </button>
      <BatchButton />
      <SpendFigure />
    </footer>
  );
}

/**
 * Paid results waiting on another history step: where they are, for as long as they wait (the message
 * that said so went after 5 s). The tooltip has the whole sentence, with the step's name.
 */
function WaitingNoteView() {
  const note = useEditor((s) => s.waitingNote);
  if (!note) return null;
  return (
    <span className="waiting-note" role="status" aria-label="Candidates waiting" data-testid="waiting-note" title={note.full}>
      {note.short}
    </span>
  );
}

/** Zoom out, the zoom level, zoom in, Fit and 1:1 — where Photoshop shows the zoom, leaving the options bar to the tool. */
function ZoomControls() {
  const scale = useEditor((s) => s.scale);
  return (
    <span className="zoom" data-testid="zoom">
      <button type="button" onClick={() => useEditor.getState().zoomStep(-1)} aria-label="Zoom out" title="Zoom out (Ctrl+-)">
        −
      </button>
      {Math.round(scale * 1000) / 10}%
      <button type="button" onClick={() => useEditor.getState().zoomStep(1)} aria-label="Zoom in" title="Zoom in (Ctrl++)">
        +
      </button>
      <button type="button" onClick={() => fitOnScreen()} aria-label="Fit on screen" title="Fit (Ctrl+0)">
        Fit
      </button>
      <button type="button" onClick={() => useEditor.getState().zoomTo(1)} aria-label="Zoom to 100 %" title="Actual pixels, 100 % (Ctrl+1)">
        1:1
      </button>
    </span>
  );
}

/**
 * Spent today and this month across every document (requests sent, cancelled ones included). What it
 * counts, and the last days and months, were only in a hover tooltip the keyboard could not reach: the
 * figure is a button whose description is that explanation, and Enter (or a click) shows it above the
 * bar, as the Edge and Expect lines unfold theirs; Esc, Enter again or leaving it puts it away.
 */
function SpendFigure() {
  const spend = useEditor((s) => s.spend);
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  if (!spend) return null;
  const explained = spendTooltip(spend);
  return (
    <span className="spend-wrap">
      <button
        type="button"
        className="spend"
        data-testid="spend"
        data-today={spend.today.usd}
        data-month={spend.month.usd}
        title={open ? 'Hide the explanation' : explained}
        aria-expanded={open}
        aria-controls={detailsId}
        aria-describedby={detailsId}
        onClick={() => setOpen(!open)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !open) return;
          // Only the explanation goes: Esc did not reach the editor (it discards staged candidates).
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        }}
      >
        Spent today {formatUsd(spend.today.usd)} · this month {formatUsd(spend.month.usd)}
      </button>
      <span id={detailsId} className="spend-details" role="note" aria-label="What was spent" hidden={!open}>
        {explained}
      </span>
    </span>
  );
}

function spendTooltip(s: SpendSummary): string {
  const line = (p: SpendSummary['today']) =>
    `${p.period}: ${formatUsd(p.usd)} · ${p.requests} request${p.requests === 1 ? '' : 's'}${p.rejected ? ` (${p.rejected} not charged)` : ''}`;
  return [
    'Estimated cost of every request sent from this computer, across documents (a request cancelled after it was sent counts).',
    '',
    'Days:',
    ...(s.days.length ? s.days.slice(0, 7).map(line) : ['none yet']),
    '',
    'Months:',
    ...(s.months.length ? s.months.map(line) : ['none yet']),
  ].join('\n');
}

type Mode = { colourModel?: 'cmyk'; grey?: true; depth?: 8 | 16 };

const modeName = (o: Mode) => (o.colourModel === 'cmyk' ? 'CMYK' : o.grey ? 'Gray' : 'RGB');

function modeTitle(o: Mode): string {
  const bits = `${o.depth ?? 8} bits per channel${o.depth === 16 ? ' (kept in PNG, TIFF and PSD exports; JPEG is 8-bit)' : ''}`;
  if (o.colourModel === 'cmyk') return `CMYK file, edited in RGB and converted back with its profile; ${bits}`;
  return o.grey ? `Greyscale file, edited in RGB; ${bits}` : `RGB; ${bits}`;
}
