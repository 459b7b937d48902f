/**
 * The border between Layers and History, draggable as the border between stacked panels in Photoshop's
 * docks: History showed about five steps at 1500×950 and two or three at 1280×720, with no way to give
 * it more. Drag it (or ↑ / ↓ when focused, Home / End to the limits); a double-click puts back the
 * default. History keeps its heading and two steps; growing, it takes the room Layers has beyond its
 * three rows and Generate beyond its prompt and Generate button (held again when the window changes
 * size). The height is remembered across sessions (history-split.ts).
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { clampHistory, historyForKey, loadHistoryHeight, saveHistoryHeight, type HistoryRoom } from './history-split';
import { measure } from './SideSplitter';
import { useBorderDrag } from './border-drag';
import { useColumnMeasure } from './observe-column';

interface Props {
  column: RefObject<HTMLElement | null>;
  top: RefObject<HTMLElement | null>;
  bottom: RefObject<HTMLElement | null>;
}

interface Room extends HistoryRoom {
  /** History's height now. */
  now: number;
}

function measureRoom(column: HTMLElement, top: HTMLElement, bottom: HTMLElement): Room | null {
  const history = bottom.querySelector<HTMLElement>('.history-panel');
  const ol = history?.querySelector<HTMLElement>('ol.history');
  const layers = bottom.querySelector<HTMLElement>('.layers-panel');
  const list = layers?.querySelector<HTMLElement>('ul.layers');
  if (!history || !ol || !layers || !list) return null;
  const now = history.getBoundingClientRect().height;
  const step = ol.querySelector<HTMLElement>(':scope > li')?.offsetHeight || 20;
  const os = getComputedStyle(ol);
  const olPadding = (Number.parseFloat(os.paddingTop) || 0) + (Number.parseFloat(os.paddingBottom) || 0);
  const min = Math.ceil(history.scrollHeight - ol.offsetHeight + 2 * step + olPadding);
  // The lower part's room (its height when the column's other split holds it, else all Generate does
  // not need for its prompt and button), less Layers' floor (its heading, three rows, its buttons).
  const listFloor = Number.parseFloat(list.style.getPropertyValue('--layers-list-floor')) || 27;
  const layersMin = layers.scrollHeight - list.offsetHeight + listFloor;
  const m = measure(column, top, bottom);
  const lower = bottom.classList.contains('sized') ? m.bottomHeight : m.column - m.fixed - m.minTop;
  return { now, min, max: Math.floor(lower - (bottom.offsetHeight - bottom.clientHeight) - layersMin) };
}

const same = (a: Room | null, b: Room) => !!a && a.now === b.now && a.min === b.min && a.max === b.max;

export function HistorySplitter({ column, top, bottom }: Props) {
  const [wanted, setWanted] = useState<number | null>(() => loadHistoryHeight());
  const room = useColumnMeasure({ column, top, bottom }, { measure: measureRoom, same });
  const shown = wanted !== null && room ? clampHistory(wanted, room) : null;

  // The height chosen, within the room (again on every resize); none is the default. Again when the
  // room changes: History's panel is a new element after a photo opens (none without one).
  // biome-ignore lint/correctness/useExhaustiveDependencies: room stands for History's panel coming back
  useLayoutEffect(() => {
    const b = bottom.current;
    const history = b?.querySelector<HTMLElement>('.history-panel');
    if (!b || !history) return;
    b.classList.toggle('history-sized', shown !== null);
    history.style.height = shown !== null ? `${shown}px` : '';
    history.style.minHeight = shown !== null ? `${shown}px` : '';
  }, [bottom, shown, room]);

  const set = (next: number, remember: boolean) => {
    if (!room) return;
    const v = clampHistory(next, room);
    setWanted(v);
    if (remember) saveHistoryHeight(v);
  };
  const border = useBorderDrag(set);
  const now = room ? Math.round(shown ?? room.now) : 0;
  if (!room) return <div className="history-splitter" aria-hidden="true" />;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a movable splitter, not a thematic break (<hr> takes no focus or value)
    <div
      className="side-splitter history-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize Layers and History"
      aria-valuenow={now}
      aria-valuemin={room.min}
      aria-valuemax={Math.max(room.min, room.max)}
      aria-valuetext={`History ${now} px`}
      title="Drag to share the room between Layers and History (↑ / ↓ when focused); double-click for the default"
      tabIndex={0}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        border.start(e, now);
      }}
      {...border.handlers}
      onDoubleClick={() => {
        setWanted(null);
        saveHistoryHeight(null);
      }}
      onKeyDown={(e) => {
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        const next = historyForKey(e.key, now, room);
        if (next === null) return;
        e.preventDefault();
        e.stopPropagation();
        set(next, true);
      }}
    />
  );
}
