/**
 * Export…: format (PNG, JPEG, WebP, TIFF, layered PSD), JPEG/WebP quality, TIFF compression and
 * whether prompts go into the file's edit record, remembered for the next export.
 */
import { useEffect, useRef, useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { exportImage } from '../../commands/document-io';
import { loadExportPrefs, saveExportPrefs } from '../../commands/export-prefs-storage';
import { type ExportFormat, exportOptionsFor, qualityFor } from '../../model/export-prefs';
import { losesDepth } from '../../model/export-request';
import { depthNote, exportPromise, hiddenNote, lossyNote, stagedNote, transparencyNote, unkeptStaged } from '../../model/export-message';
import { cmykConversion } from '../../../shared/document/cmyk-conversion';
import { keepTabInside, useFocusReturn, useKeysOutside } from '../keyboard/modal-tab';
import { NumberField } from '../NumberField';
import { DialogMessages } from './DialogMessages';

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'png', label: 'PNG', hint: 'Lossless, largest files; 8 or 16 bits per channel, as the original' },
  { value: 'jpeg', label: 'JPEG', hint: 'Small files, no transparency; 8 bits per channel' },
  { value: 'webp', label: 'WebP', hint: 'Small files; quality 100 is lossless; 8 bits per channel' },
  { value: 'tiff', label: 'TIFF', hint: 'Lossless (deflate or LZW); 8 or 16 bits per channel, as the original' },
  {
    value: 'psd',
    label: 'PSD',
    hint: 'Layered for Photoshop: the original and each kept result as layers; 8 or 16 bits per channel, as the original',
  },
];

/** Whether the document's original is a JPEG file (by its name; main decides whether its data can be kept). */
/** A JPEG original whose data an export can keep: not one cut short (its original is the part that was there, as a PNG). */
const jpegOriginal = (doc: { original: { name: string; cutShort?: true } } | null) =>
  !!doc && /\.jpe?g$/i.test(doc.original.name) && !doc.original.cutShort;

export function ExportDialog() {
  const open = useEditor((s) => s.exportOpen);
  return open ? <ExportDialogBody /> : null;
}

/** Mounted while the dialog is open: its first render already has the settings (the stored ones, or the original's format). */
function ExportDialogBody() {
  const doc = useEditor((s) => s.doc);
  const items = useEditor((s) => s.staging.items);
  const hiddenLayers = useEditor((s) => s.hiddenLayers);
  const staged = stagedNote(unkeptStaged(items, doc), items.length);
  const [prefs, setPrefsState] = useState(loadExportPrefs);
  // What Export sends: the latest choice, also one made in the same keypress (Enter in the quality
  // field applies the typed value, then exports).
  const latest = useRef(prefs);
  const setPrefs = (p: typeof prefs) => {
    latest.current = p;
    setPrefsState(p);
  };
  // JPEG keeping the original's data: the quality is not what the kept or edited blocks get.
  const qualityAside = prefs.format === 'jpeg' && jpegOriginal(doc) && prefs.jpegKeepOriginal;
  // The focus starts on the chosen format, as in any radio group (it was on PNG whatever was chosen:
  // → from there picked the format after PNG, and a screen reader read "PNG, not checked").
  const chosen = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useFocusReturn();
  useEffect(() => {
    requestAnimationFrame(() => chosen.current?.focus());
  }, []);
  useKeysOutside(box, () => useEditor.getState().setExportOpen(false));
  const close = () => useEditor.getState().setExportOpen(false);
  const go = () => {
    const p = latest.current;
    saveExportPrefs(p);
    close();
    void exportImage(p.format, qualityFor(p), exportOptionsFor(p));
  };
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className="modal export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Export"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') close();
          if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
            // The focus goes back to Export… as the dialog closes, inside this keydown: without this
            // the key's default action (a button's press) then pressed Export… and the dialog opened
            // again at once (a second Enter exported again).
            e.preventDefault();
            go();
          }
          // Tab stays among the dialog's controls (it walked out onto the editor behind it).
          keepTabInside(e, e.currentTarget);
        }}
      >
        <DialogMessages />
        <h3>Export</h3>
        {staged && (
          <p className="warning" role="note">
            {staged}
          </p>
        )}
        {/* The legend is the group's visible label and its accessible name. */}
        <fieldset className="export-formats">
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} title={f.hint}>
              <input
                ref={prefs.format === f.value ? chosen : undefined}
                type="radio"
                name="export-format"
                value={f.value}
                checked={prefs.format === f.value}
                onChange={() => setPrefs({ ...prefs, format: f.value })}
              />
              {f.label}
            </label>
          ))}
        </fieldset>
        {(() => {
          const note = hiddenNote(prefs.format, doc, hiddenLayers);
          return note ? (
            <p className={prefs.format === 'psd' ? 'muted' : 'warning'} role="note" data-testid="export-hidden-note">
              {note}
            </p>
          ) : null;
        })()}
        {(() => {
          const note = transparencyNote(prefs.format, doc);
          return note ? (
            <p className="muted" role="note" data-testid="export-transparency-note">
              {note}
            </p>
          ) : null;
        })()}
        {(() => {
          const note = depthNote(prefs.format, doc?.original.depth);
          return note ? (
            <p className="muted" data-testid="export-depth-note">
              {note}
            </p>
          ) : null;
        })()}
        {prefs.format === 'tiff' && (
          <label className="field" title="Both are lossless; LZW is read by older software, deflate is smaller">
            <span>Compression</span>
            <select
              aria-label="TIFF compression"
              value={prefs.tiffCompression}
              onChange={(e) => setPrefs({ ...prefs, tiffCompression: e.target.value === 'lzw' ? 'lzw' : 'deflate' })}
            >
              <option value="deflate">Deflate (ZIP)</option>
              <option value="lzw">LZW</option>
            </select>
          </label>
        )}
        {losesDepth(doc, prefs.format) && (
          <p className="muted" role="note">
            This is a 16-bit document; {prefs.format === 'jpeg' ? 'JPEG' : 'WebP'} holds 8 bits per channel. Use PNG, TIFF or PSD to keep 16
            bits.
          </p>
        )}
        {doc?.original.colourModel === 'cmyk' && (
          <p className="muted" role="note">
            The original is CMYK: the export is RGB, {cmykConversion(doc.original.hasIcc)}.
          </p>
        )}
        <label
          className="field"
          title="The file always records that AI models were used, which ones and when; prompts only if you tick this"
        >
          <input
            type="checkbox"
            checked={prefs.includePrompts}
            onChange={(e) => setPrefs({ ...prefs, includePrompts: e.target.checked })}
          />
          <span>Include prompts in the file's metadata</span>
        </label>
        {prefs.format === 'jpeg' && jpegOriginal(doc) && (
          <label
            className="field"
            title="Only the 8–16 px blocks you edited are encoded again, at the original's quality; everywhere else the file holds the original's JPEG data, so those pixels do not change at all. Off: the whole picture is re-encoded at the quality below."
          >
            <input
              type="checkbox"
              checked={prefs.jpegKeepOriginal}
              onChange={(e) => setPrefs({ ...prefs, jpegKeepOriginal: e.target.checked })}
            />
            <span>Keep the original JPEG data where you did not edit</span>
          </label>
        )}
        {(prefs.format === 'jpeg' || prefs.format === 'webp') && (
          <label
            className="field"
            title={
              qualityAside
                ? 'Used only when the whole picture is re-encoded (an extended canvas, a rotated original); edited blocks keep the original quality'
                : 'Higher is better and larger'
            }
          >
            <span>Quality</span>
            <input
              type="range"
              min={1}
              max={100}
              aria-label="Quality"
              aria-describedby={qualityAside ? 'export-quality-note' : undefined}
              value={prefs.quality}
              onChange={(e) => setPrefs({ ...prefs, quality: Number(e.target.value) })}
            />
            {/* Typed, as in Photoshop's JPEG Options (the slider alone took many steps to land on 92). */}
            <NumberField
              className="num"
              min={1}
              max={100}
              value={prefs.quality}
              onValue={(v) => v !== null && setPrefs({ ...latest.current, quality: v })}
              aria-label="Quality value"
              data-testid="export-quality"
              title="Quality 1–100: type it (Enter exports), or ↑/↓ by one, Shift+↑/↓ by ten"
            />
          </label>
        )}
        {/* Said before exporting (it was said only after): with the original's data kept, the slider mostly does nothing. */}
        {qualityAside && (
          <p className="muted" id="export-quality-note" data-testid="export-quality-note">
            With the original JPEG data kept, this quality is used only when the whole picture is encoded again (an extended canvas off the
            original's blocks, a rotated original); the edited blocks take the original's quality.
          </p>
        )}
        {(() => {
          const note = lossyNote(prefs.format, prefs.quality, jpegOriginal(doc) && prefs.jpegKeepOriginal);
          return note ? (
            <p className="muted" data-testid="export-lossy-note">
              {note}
            </p>
          ) : null;
        })()}
        <p className="muted">{exportPromise(doc?.original ?? null)}</p>
        <div className="row">
          <button type="button" className="primary" onClick={go} title="Choose where to save, then export">
            Export
          </button>
          <button type="button" onClick={close} title="Close without exporting (Esc)">
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
