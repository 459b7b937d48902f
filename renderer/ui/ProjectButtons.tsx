/**
 * Save, and a small menu with Save As…, Revert (F12), the recent projects and the recent photos, in the options bar. The window title
 * names the project and marks unsaved changes ("cups.maskwork • — Maskwork").
 */
import { useEffect, useRef, useState } from 'react';
import type { RecentPhoto, RecentProject } from '../../shared/ipc/contract-types';
import { documentName, hasUnsavedChanges, recentProjects, saveProject } from '../commands/project-commands';
import { openRecentPhoto, openRecentProject, recentPhotos } from '../commands/document-io';
import { useEditor } from '../commands/store/store';
import { currentRevertPlan, revertDocument } from '../commands/revert';

export function ProjectButtons() {
  const hasDoc = useEditor((s) => !!s.doc);
  const project = useEditor((s) => s.project);
  // Re-render on every document change: "unsaved" follows the document record.
  const doc = useEditor((s) => s.doc);
  const unsaved = useEditor(() => hasUnsavedChanges());
  // Follows the document and its file (re-rendered on each change, as `unsaved` is).
  const revert = currentRevertPlan();
  // The menu opens at once; its recent lists are null until main has answered.
  const [menu, setMenu] = useState<{ recent: RecentProject[] | null; photos: RecentPhoto[] | null } | null>(null);
  const box = useRef<HTMLSpanElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const name = documentName({ doc, project });
    document.title = name ? `${name}${unsaved ? ' •' : ''} — Maskwork` : 'Maskwork';
  }, [project, doc, unsaved]);

  useEffect(() => {
    if (!menu) return;
    const close = (e: MouseEvent) => {
      if (!(e.target instanceof Node && box.current?.contains(e.target))) setMenu(null);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [menu]);

  // Opening a document (Ctrl+O, a drop, a paste) closes the menu: it stayed open over the new photo,
  // its lists out of date ("Recent photos: None yet").
  const docId = doc?.id;
  useEffect(() => {
    if (docId) setMenu(null);
  }, [docId]);

  // Focus moves into the menu when it opens (WAI-ARIA menu button), onto its first item — Save As…,
  // or without a photo the first recent project once main has listed them. (`recent` is undefined
  // while the menu is closed, null while main is asked.)
  const recent = menu?.recent;
  useEffect(() => {
    if (recent === undefined || list.current?.contains(document.activeElement)) return;
    list.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
  }, [recent]);

  const toggle = () => {
    if (menu) return setMenu(null);
    setMenu({ recent: null, photos: null });
    void Promise.all([recentProjects(), recentPhotos()]).then(([recent, photos]) => setMenu((m) => (m ? { recent, photos } : m)));
  };
  const close = () => {
    setMenu(null);
    opener.current?.focus();
  };
  const pick = (run: () => Promise<unknown>) => {
    setMenu(null);
    void run();
  };
  /** ↑/↓ (wrapping), Home and End move between the menu's items. */
  const moveFocus = (key: string) => {
    const items = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    if (!items.length) return;
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      key === 'Home' ? 0 : key === 'End' ? items.length - 1 : (at + (key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next].focus();
  };

  return (
    <span className="project-buttons" ref={box}>
      <button
        type="button"
        disabled={!hasDoc}
        onClick={() => void saveProject(false)}
        title="Save the project: photo, layers, versions, mask and undo history in one .maskwork file (Ctrl+S)"
      >
        Save
      </button>
      <button
        ref={opener}
        type="button"
        aria-haspopup="menu"
        aria-expanded={!!menu}
        aria-label="Project menu"
        title="Save As…, Revert, recent projects and recent photos"
        onClick={toggle}
        onKeyDown={(e) => {
          // With nothing in the menu to focus (no photo, no recent files) the focus stays here, and
          // Esc, read only inside the menu, did not close it.
          if (e.key !== 'Escape' || !menu) return;
          e.preventDefault();
          e.stopPropagation();
          close();
        }}
      >
        ▾
      </button>
      {menu && (
        <div
          ref={list}
          className="menu"
          role="menu"
          aria-label="Project menu"
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
              e.preventDefault();
              moveFocus(e.key);
            }
          }}
        >
          <button type="button" role="menuitem" disabled={!hasDoc} onClick={() => pick(() => saveProject(true))} title="Ctrl+Shift+S">
            Save As…
          </button>
          {/* File › Revert (F12): off, saying why, with no file to go back to or nothing changed. */}
          <button
            type="button"
            role="menuitem"
            disabled={'refusal' in revert}
            onClick={() => pick(async () => revertDocument())}
            title={'refusal' in revert ? revert.refusal : `Back to ${revert.name} as last saved, after asking (F12)`}
          >
            Revert
          </button>
          <div className="menu-heading">Recent projects</div>
          {menu.recent === null && <div className="muted menu-empty">Reading…</div>}
          {menu.recent?.length === 0 && <div className="muted menu-empty">None yet</div>}
          {menu.recent?.map((r) => (
            <button type="button" role="menuitem" key={r.path} title={r.path} onClick={() => pick(() => openRecentProject(r.path))}>
              {r.name}
            </button>
          ))}
          <div className="menu-heading">Recent photos</div>
          {menu.photos === null && <div className="muted menu-empty">Reading…</div>}
          {menu.photos?.length === 0 && <div className="muted menu-empty">None yet</div>}
          {menu.photos?.map((r) => (
            <button type="button" role="menuitem" key={r.path} title={r.path} onClick={() => pick(() => openRecentPhoto(r.path))}>
              {r.name}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
