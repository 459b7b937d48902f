/** Export…: format (PNG, JPEG, WebP) and JPEG/WebP quality, remembered for the next export. */
import { useEffect, useRef, useState } from 'react';
import { useEditor } from '../store/store';
import { exportImage } from '../app/document-io';
import { type ExportFormat, loadExportPrefs, qualityFor, saveExportPrefs } from '../app/export-prefs';

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'png', label: 'PNG', hint: 'Lossless, largest files' },
  { value: 'jpeg', label: 'JPEG', hint: 'Small files, no transparency' },
  { value: 'webp', label: 'WebP', hint: 'Small files; quality 100 is lossless' },
];

export function ExportDialog() {
  const open = useEditor((s) => s.exportOpen);
  const [prefs, setPrefs] = useState(loadExportPrefs);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    setPrefs(loadExportPrefs());
    requestAnimationFrame(() => first.current?.focus());
  }, [open]);
  if (!open) return null;
  const close = () => useEditor.getState().setExportOpen(false);
  const go = () => {
    saveExportPrefs(prefs);
    close();
    void exportImage(prefs.format, qualityFor(prefs));
  };
  return (
    <div className="modal-backdrop">
      <div
        className="modal export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Export"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') close();
          if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) go();
        }}
      >
        <h3>Export</h3>
        <fieldset className="export-formats" aria-label="Format">
          {FORMATS.map((f, i) => (
            <label key={f.value} title={f.hint}>
              <input
                ref={i === 0 ? first : undefined}
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
        {prefs.format !== 'png' && (
          <label className="field" title="Higher is better and larger">
            <span>Quality</span>
            <input
              type="range"
              min={1}
              max={100}
              aria-label="Quality"
              value={prefs.quality}
              onChange={(e) => setPrefs({ ...prefs, quality: Number(e.target.value) })}
            />
            <span data-testid="export-quality">{prefs.quality}</span>
          </label>
        )}
        <p className="muted">Full resolution, EXIF and colour profile kept, to a new file.</p>
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
