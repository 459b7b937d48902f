/**
 * Keyboard shortcuts (`?`, or Photoshop's Ctrl+Alt+Shift+K, or the ⌨ button): every key the editor
 * knows, with a field that narrows the list as you type ("zoom", "layer", "Ctrl+J"). Esc, the ×
 * or a click outside closes it and gives the keys back to the editor.
 */
import { useMemo, useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { filterShortcuts, shortcutRows } from '../../model/shortcut-list';
import { SHORTCUTS } from '../keyboard/shortcuts';
import { keepTabInside } from '../keyboard/modal-tab';
import { DialogMessages } from './DialogMessages';

/**
 * Closes the list. The focus goes back to the control that had it when the list opened (the ⌨
 * button, reached by Tab), as Settings and Export give it back: it fell to the page, so the next Tab
 * started again from the window's top. Opened from the canvas (`?`), nothing had it: the focus leaves
 * the closed dialog, and the editor's shortcuts act on the next key either way.
 */
const closeTo = (opener: HTMLElement | null) => {
  useEditor.getState().setShortcutsOpen(false);
  if (opener?.isConnected) opener.focus();
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
};

/** What has the focus as the list opens, read while it renders (before the find field takes it). */
const focusedControl = () => {
  const at = document.activeElement;
  return at instanceof HTMLElement && at !== document.body ? at : null;
};

export function ShortcutsDialog() {
  const open = useEditor((s) => s.shortcutsOpen);
  if (!open) return null;
  return <ShortcutsList />;
}

function ShortcutsList() {
  const [opener] = useState(focusedControl);
  const close = () => closeTo(opener);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => shortcutRows(SHORTCUTS), []);
  const shown = filterShortcuts(rows, query);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="modal shortcuts-modal"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onKeyDown={(e) => {
          // Keys typed here are the list's: none reaches the editor's shortcuts; Esc closes.
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          } else keepTabInside(e, e.currentTarget);
        }}
      >
        <DialogMessages />
        <header className="modal-head">
          <h3>Keyboard shortcuts</h3>
          <span className="spacer" />
          <button type="button" aria-label="Close keyboard shortcuts" onClick={close}>
            ×
          </button>
        </header>
        <input
          type="search"
          aria-label="Find a shortcut"
          placeholder="Find: zoom, layer, Ctrl+J…"
          // biome-ignore lint/a11y/noAutofocus: the list opens to be searched, as a command palette does
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="shortcuts-scroll">
          <table aria-label="Shortcuts">
            <tbody>
              {shown.map((r) => (
                <tr key={`${r.keys}|${r.label}`}>
                  <td className="shortcut-keys">
                    <kbd>{r.keys}</kbd>
                  </td>
                  <td>{r.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="muted">No shortcut matches “{query}”.</p>}
        </div>
        <p className="muted">Ctrl means ⌘ on macOS (either works everywhere). Shortcuts never fire while you type in a field.</p>
      </div>
    </div>
  );
}
