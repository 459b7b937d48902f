/**
 * Save, and a small menu with Save As… and the recent projects, in the options bar. The window title
 * names the project and marks unsaved changes ("cups.maskwork • — Maskwork").
 */
import { useEffect, useRef, useState } from 'react';
import type { RecentProject } from '../../shared/ipc/contract-types';
import { hasUnsavedChanges, openRecentProject, recentProjects, saveProject } from '../commands/project-commands';
import { useEditor } from '../commands/store/store';

export function ProjectButtons() {
  const hasDoc = useEditor((s) => !!s.doc);
  const project = useEditor((s) => s.project);
  // Re-render on every document change: "unsaved" follows the document record.
  const doc = useEditor((s) => s.doc);
  const unsaved = useEditor(() => hasUnsavedChanges());
  const [menu, setMenu] = useState<RecentProject[] | null>(null);
  const box = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const name = project && doc && project.docId === doc.id ? project.name : doc?.original.name;
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

  const toggle = async () => setMenu(menu ? null : await recentProjects());
  const pick = (run: () => Promise<unknown>) => {
    setMenu(null);
    void run();
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
        type="button"
        aria-haspopup="menu"
        aria-expanded={!!menu}
        aria-label="Project menu"
        title="Save As… and recent projects"
        onClick={() => void toggle()}
      >
        ▾
      </button>
      {menu && (
        <div
          className="menu"
          role="menu"
          aria-label="Project menu"
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') setMenu(null);
          }}
        >
          <button type="button" role="menuitem" disabled={!hasDoc} onClick={() => pick(() => saveProject(true))} title="Ctrl+Shift+Alt+S">
            Save As…
          </button>
          <div className="menu-heading">Recent projects</div>
          {menu.length === 0 && <div className="muted menu-empty">None yet</div>}
          {menu.map((r) => (
            <button type="button" role="menuitem" key={r.path} title={r.path} onClick={() => pick(() => openRecentProject(r.path))}>
              {r.name}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
