/** Small inline SVG tool icons (no icon font: they render the same on every OS and in headless tests). */
import type { ToolId } from '../../commands/store/tools-slice';

const PATHS: Record<ToolId, string> = {
  brush: 'M4 20c2 0 4-1 4-3.5 0-1.2-.9-2.2-2.1-2.2C4.6 14.3 4 15.5 4 17c0 1.2-.5 2-1 3h1zM8.5 13.5l9.8-9.8a1.6 1.6 0 0 1 2.3 2.3l-9.8 9.8z',
  eraser: 'M3 17l8-8 6 6-5 5H6zM11 9l5-5 6 6-5 5M6 20h14',
  rect: 'M4 5h16v14H4z',
  ellipse: 'M12 5c4.4 0 8 3.1 8 7s-3.6 7-8 7-8-3.1-8-7 3.6-7 8-7z',
  wand: 'M4 20L15 9M14 4v2M19 9h2M17.5 5.5l-1.4 1.4M18 13l-1-1M10 5l1 1',
  object: 'M4 8V4h4M16 4h4v4M20 16v4h-4M8 20H4v-4M9 15c0-3 1.5-6 3-6s3 3 3 6z',
  colorRange: 'M14 4l6 6-2 2-1-1-7 7H7v-3l7-7-1-1zM4 20h3',
  lasso: 'M12 4c5 0 8 2.2 8 5s-3 5-8 5-8-2.2-8-5 3-5 8-5zM7 13c-1 2 0 4 2 4s2 2 0 3',
  pan: 'M8 12V6a1.5 1.5 0 0 1 3 0v5V4.5a1.5 1.5 0 0 1 3 0V11V6a1.5 1.5 0 0 1 3 0v8c0 4-2.5 6-6 6-2.5 0-4-1.5-5.5-4L4 12.5a1.4 1.4 0 0 1 2.3-1.6z',
  extend: 'M7 3v14h14M3 7h14v14',
  zoom: 'M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM15.3 15.3L20 20M10.5 8v5M8 10.5h5',
};

export function ToolIcon({ tool }: { tool: ToolId }) {
  const d = PATHS[tool] ?? PATHS.rect;
  const dashed = tool === 'rect' || tool === 'ellipse';
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      strokeDasharray={dashed ? '3 2' : undefined}
      aria-hidden
    >
      <path d={d} />
    </svg>
  );
}

/** Visibility eye, open or closed. */
export function EyeIcon({ open }: { open: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" aria-hidden>
      <path d="M2 12s3.5-6 10-6 10 6 10 6-3.5 6-10 6S2 12 2 12z" opacity={open ? 1 : 0.35} />
      {open ? <circle cx="12" cy="12" r="2.6" /> : <path d="M4 4l16 16" />}
    </svg>
  );
}

/** The original's lock, as on Photoshop's Background layer (the words are in the row's tooltip and name). */
export function LockIcon() {
  return (
    <svg className="lock-icon" width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <rect x="5" y="11" width="14" height="10" rx="1.5" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </svg>
  );
}
