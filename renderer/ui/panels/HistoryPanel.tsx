/**
 * The undo history of the open photo as a list of steps; clicking one moves there (later steps stay
 * redoable). Steps of other photos (opening a photo is undoable) are summed up in a line above the
 * list (undo reaches them) and one below it (redo does).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { otherPhotoLines } from '../../model/history-others';
import { distinctLabels } from '../../model/history-labels';

/** About four and a half steps (a row is 20 px): what History keeps while Layers needs the room. */
const HISTORY_FLOOR_PX = 92;

export function HistoryPanel() {
  const past = useEditor((s) => s.past);
  const future = useEditor((s) => s.future);
  const label = useEditor((s) => s.label);
  const docId = useEditor((s) => s.doc?.id);
  const list = useRef<HTMLOListElement>(null);
  const panel = useRef<HTMLElement>(null);
  // Steps scrolled out of sight above the list, said on the heading's line: with two kept layers at
  // 1280×800 History shows two steps (Generate's Edge line takes the rest), and the earlier ones
  // looked missing.
  const [above, setAbove] = useState(0);
  useEffect(() => {
    const ol = list.current;
    if (!ol) return;
    const count = () => {
      const top = ol.getBoundingClientRect().top;
      let n = 0;
      for (const li of ol.children) {
        if (li.getBoundingClientRect().top >= top - 0.5) break;
        n++;
      }
      setAbove(n);
    };
    count();
    ol.addEventListener('scroll', count);
    const ro = new ResizeObserver(count);
    ro.observe(ol);
    return () => {
      ol.removeEventListener('scroll', count);
      ro.disconnect();
    };
  });
  // History gives up its room before Layers does (styles.css), down to about four and a half steps
  // (or all of them, when there are fewer): its floor, measured after every render since the steps and
  // the lines about other photos change it. Layers' actions (Opacity, Rename, Merge down) were out of
  // sight at 1500×950 with two kept layers while History showed ten steps.
  useLayoutEffect(() => {
    const ol = list.current;
    const el = panel.current;
    if (!ol || !el) return;
    const chrome = el.scrollHeight - ol.offsetHeight; // heading, lines about other photos, padding
    // As a custom property the column's CSS uses for min-height: a height chosen with the column's
    // splitter (SideSplitter) sets the floor aside.
    el.style.setProperty('--history-floor', `${chrome + Math.min(ol.scrollHeight, HISTORY_FLOOR_PX)}px`);
  });
  // The list scrolls on its own: the current step stays in view (a new step is at the bottom).
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the steps change
  useEffect(() => {
    const ol = list.current;
    if (!ol) return;
    const reveal = () => {
      const cur = ol.querySelector<HTMLElement>('li.current');
      if (!cur) return;
      // From the boxes, rounded up: the list's height is what is left beside Layers, a fraction of a
      // pixel (whole offsets left the current step an eighth of a pixel short of the list's end).
      const c = cur.getBoundingClientRect();
      const o = ol.getBoundingClientRect();
      if (c.top < o.top) ol.scrollTop -= Math.ceil(o.top - c.top);
      else if (c.bottom > o.bottom) ol.scrollTop += Math.ceil(c.bottom - o.bottom);
    };
    reveal();
    // Again when the list's height settles after the step (the column gives Layers a new row's room
    // a frame later, and History gives way): the current step was left half below the list's end.
    const ro = new ResizeObserver(reveal);
    ro.observe(ol);
    return () => ro.disconnect();
  }, [past.length, future.length, docId]);
  if (!docId) return null;
  const all = [
    ...past.map((p) => ({ label: p.label, docId: p.doc.id })),
    { label, docId },
    ...future.map((f) => ({ label: f.label, docId: f.doc.id })),
  ];
  const mine = all.map((r, i) => ({ ...r, i })).filter((r) => r.docId === docId);
  // Two steps with the same words are told apart by a count ("Keep GPT Image 2 result (2)").
  const words = distinctLabels(mine.map((r) => r.label));
  const rows = mine.map((r, k) => ({ ...r, label: words[k] }));
  const others = otherPhotoLines(all, past.length, docId);
  return (
    <section className="panel history-panel" aria-label="History" ref={panel}>
      <h3>History</h3>
      {above > 0 && (
        <button
          type="button"
          className="history-above"
          title="Scroll History up to its first step"
          onClick={() => list.current?.scrollTo({ top: 0 })}
        >
          ▴ {above} earlier {above === 1 ? 'step' : 'steps'}
        </button>
      )}
      {others.before && (
        <div className="muted history-others" data-testid="history-others">
          {others.before}
        </div>
      )}
      <ol className="history" data-testid="history" ref={list}>
        {rows.map((r) => (
          <li key={r.i} className={r.i === past.length ? 'current' : r.i > past.length ? 'future' : ''}>
            <button type="button" onClick={() => useEditor.getState().jumpTo(r.i)} title={`Go back to: ${r.label}`}>
              {r.label}
            </button>
          </li>
        ))}
      </ol>
      {others.after && (
        <div className="muted history-others" data-testid="history-others-after">
          {others.after}
        </div>
      )}
    </section>
  );
}
