/**
 * The border between Generate (and the Mask panel under it) and Layers with History in the right-hand
 * column, draggable as the border between stacked panels in Photoshop's docks: Generate was squeezed
 * (about 310 px for 713 px of controls at 1500×950 with a kept layer) and scrolled on its own. A real
 * separator: drag it (or ArrowUp / ArrowDown when focused, Home / End to the limits), double-click it
 * for the default split. Neither part goes below its floor (Generate keeps its prompt and its Generate
 * button, Layers its heading, three whole rows and its buttons), held again when the window changes size; the
 * height given to Layers is remembered across sessions (side-split.ts).
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { bottomForKey, bottomLimits, clampBottom, loadSideSplit, saveSideSplit, type SplitRoom } from './side-split';
import { useBorderDrag } from './border-drag';
import { useColumnMeasure } from './observe-column';

interface Props {
  column: RefObject<HTMLElement | null>;
  top: RefObject<HTMLElement | null>;
  bottom: RefObject<HTMLElement | null>;
}

/** Floors used while a part is not there to measure (no photo open). */
const FALLBACK_MIN_TOP = 160;
const FALLBACK_MIN_BOTTOM = 100;

/** A History step's height (its list scrolls by them). */
const STEP_PX = 20;

/** History's heading with its margins. */
function historyHeading(history: HTMLElement): number {
  const h = history.querySelector('h3');
  if (!h) return 0;
  const cs = getComputedStyle(h);
  return h.offsetHeight + (Number.parseFloat(cs.marginTop) || 0) + (Number.parseFloat(cs.marginBottom) || 0);
}

/** What History's default floor (about four and a half steps) gives up first on a short column: two and a half steps. */
const HISTORY_GIVE_PX = 50;

export interface Measure extends SplitRoom {
  historyGive: number;
  /**
   * What History gives for `comfortTop`: all but its heading and its current step (not a height the user
   * gave it). It kept two steps, and with two kept layers at 1280×800 the Edge line stayed 17 px under
   * Generate's footer; only what the line needs is given, so History keeps two or more when it can.
   */
  historyComfortGive: number;
  listGive: number;
  /**
   * Generate down to its folded Edge line, with its footer: what the default split leaves it when
   * History can give its room for that (at 1280×800 with four kept layers Generate had 277 px and its
   * Edge line was below the fold, the request size half cut). Never below `minTop`.
   */
  comfortTop: number;
  /**
   * The lower part's least for `comfortTop`: History at its heading and one step, Layers with every row
   * when the default split holds them all, else its three whole rows.
   */
  comfortLeast: number;
  /** The lower part's least height in the default split: Layers' floor and History's. */
  defaultMinBottom: number;
  topHeight: number;
  bottomHeight: number;
}

export function measure(column: HTMLElement, top: HTMLElement, bottom: HTMLElement): Measure {
  const topHeight = top.getBoundingClientRect().height;
  const bottomHeight = bottom.getBoundingClientRect().height;
  const columnHeight = column.clientHeight;
  // Generate's prompt (from the part's top, its controls scrolled or not) and its footer below them.
  const prompt = top.querySelector('textarea');
  const foot = top.querySelector<HTMLElement>('.generate-foot');
  const scrolled = top.querySelector<HTMLElement>('.generate-scroll')?.scrollTop ?? 0;
  const minTop =
    prompt && foot
      ? prompt.getBoundingClientRect().bottom - top.getBoundingClientRect().top + scrolled + foot.offsetHeight + 10
      : FALLBACK_MIN_TOP;
  // The Edge line (folded or not, its first line) and all the part holds below the scrolled controls
  // (the footer, borders): the scrolling box then ends below the line.
  const edge = top.querySelector('.edge-group .group-fold');
  const scroller = top.querySelector('.generate-scroll');
  const tr = top.getBoundingClientRect();
  // Not the offline engine's note unfolded above the line (read once, then folded): History and Layers
  // would move as it unfolds.
  const unfolded = top.querySelector<HTMLElement>('.local-engine-hint .hint-body:not([hidden])')?.offsetHeight ?? 0;
  const comfortTop =
    edge && scroller
      ? Math.max(
          minTop,
          edge.getBoundingClientRect().bottom - unfolded - tr.top + scrolled + 4 + (tr.bottom - scroller.getBoundingClientRect().bottom),
        )
      : minTop;
  // Layers: everything but its list (heading, buttons, padding), and the list's floor (three whole rows,
  // layers-floor.ts; two rows left the rest of three layers and the original in a 50 px box).
  const layers = bottom.querySelector<HTMLElement>('.layers-panel');
  const list = layers?.querySelector<HTMLElement>('ul.layers');
  // As set (layers-floor.ts), not as squeezed below (the computed min-height): no feedback.
  const listFloor = list ? Number.parseFloat(list.style.getPropertyValue('--layers-list-floor')) || 27 : 0;
  const rowMax = list ? Number.parseFloat(list.style.getPropertyValue('--layers-row-max')) || 27 : 0;
  // History gives up its room first, all but its padding (which no flex shrinks).
  const history = bottom.querySelector<HTMLElement>('.history-panel');
  const hs = history ? getComputedStyle(history) : null;
  const historyPadding = hs
    ? (['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const).reduce(
        (n, k) => n + (Number.parseFloat(hs[k]) || 0),
        0,
      )
    : 0;
  const layersMin = layers && list ? layers.scrollHeight - list.offsetHeight + listFloor + (bottom.offsetHeight - bottom.clientHeight) : 0;
  // The default split's floor: Layers' and History's (its four steps, or the height its splitter gave it).
  const historySized = bottom.classList.contains('history-sized');
  const historyMin = !history
    ? 0
    : Number.parseFloat(historySized ? history.style.minHeight : history.style.getPropertyValue('--history-floor')) || 0;
  // A height chosen here: History gives up its room, unless its own splitter gave it one (HistorySplitter).
  const historyLeast = historySized ? Math.max(historyMin, historyPadding) : historyPadding;
  const minBottom = layers && list ? layersMin + historyLeast : FALLBACK_MIN_BOTTOM;
  const historyComfortGive =
    history && !historySized ? Math.max(0, historyMin - historyPadding - historyHeading(history) - STEP_PX - 1) : 0;
  // Layers with every row, and whether the default split (up to 40 % of the column under 860 px, else
  // 45 %, styles.css) holds them all with History's floor: then Generate's room for its Edge line is
  // History's alone, every row staying; else the list scrolls anyway and goes to its three rows too.
  // (With the panel's own border, which its scrollHeight leaves out: the last row was 1 px short.)
  const layersAll = layers && list ? layersMin - listFloor + list.scrollHeight + layers.offsetHeight - layers.clientHeight : 0;
  const share = columnHeight * (window.innerHeight <= 860 ? 0.4 : 0.45);
  const layersLeast = layersAll + historyMin <= share ? Math.max(layersMin, layersAll) : layersMin;
  return {
    column: columnHeight,
    fixed: columnHeight - topHeight - bottomHeight,
    minTop: Math.ceil(minTop),
    minBottom: Math.ceil(minBottom),
    defaultMinBottom: Math.ceil(layers && list ? layersMin + Math.max(historyMin, historyPadding) : 0),
    // What may give way when the column is too short for those floors: History down to two steps (not
    // a height the user gave it), then Layers' list down to its tallest row.
    historyGive: history && !historySized ? Math.max(0, Math.min(HISTORY_GIVE_PX, historyMin - historyPadding)) : 0,
    historyComfortGive,
    listGive: Math.max(0, listFloor - rowMax),
    comfortTop: Math.ceil(comfortTop),
    comfortLeast: Math.ceil(layersLeast + Math.max(historyPadding, historyMin - historyComfortGive)),
    topHeight,
    bottomHeight,
  };
}

const footAndSections = (top: HTMLElement, bottom: HTMLElement): Element[] => [
  ...top.querySelectorAll('.generate-foot'),
  // Its controls growing above the Edge line (the Several models rows) move the line.
  ...top.querySelectorAll('.generate-body'),
  ...bottom.querySelectorAll(':scope > section > *'),
];

const same = (a: Measure | null, b: Measure) => !!a && (Object.keys(b) as (keyof Measure)[]).every((k) => Math.abs(a[k] - b[k]) < 0.5);

export function SideSplitter({ column, top, bottom }: Props) {
  const [wanted, setWanted] = useState<number | null>(() => loadSideSplit());
  // Generate's footer too: it can grow while its panel (held by the column) keeps its height. Layers'
  // and History's parts too: a second row of layer buttons grows the panel's content, not its box.
  const m = useColumnMeasure({ column, top, bottom }, { measure, same, more: footAndSections, bottomSubtree: true });
  const shown = wanted !== null && m ? clampBottom(wanted, m) : null;

  // The height chosen, held within the floors (again on every resize); none is the default split.
  useLayoutEffect(() => {
    const b = bottom.current;
    if (!b) return;
    b.classList.toggle('sized', shown !== null);
    b.style.height = shown !== null ? `${shown}px` : '';
    // The default split grows past its share (45 %) for Layers' three rows and History's floor, as
    // far as Generate's floor allows: at 1280×720 the 40 % left Layers' list one row and a half.
    const cap = m ? m.column - m.fixed - m.minTop : 0;
    // Too short for both floors (1280×720, three layers with two-line names): History gives way, then
    // Layers' list, so its Opacity and buttons stay in sight (the panel scrolled them half away).
    const excess = shown === null && m ? Math.max(0, m.defaultMinBottom - cap) : 0;
    const hardGive = m ? Math.min(excess, m.historyGive) : 0;
    const listGive = m ? Math.min(excess - hardGive, m.listGive) : 0;
    // Generate keeps its controls down to the Edge line in view too, History giving up to all but one step
    // for it (never Layers' rows): at 1280×800 with four kept layers Layers and History took 40 % and
    // Generate's Edge line and request size were below its fold — and with one kept layer after an
    // extension too, while History kept four steps (with fewer, this was left to when Layers' list
    // scrolled anyway). Only what the line needs: with room for it, nothing changes.
    const comfort = shown === null && m ? m.column - m.fixed - m.comfortTop : null;
    // History gives what Generate needs beyond what Layers keeps (its rows as the default shows them).
    const historyGive =
      m && comfort !== null
        ? Math.max(hardGive, Math.min(m.comfortLeast + m.historyComfortGive - comfort, m.historyComfortGive))
        : hardGive;
    const floor = shown === null && m ? Math.min(m.defaultMinBottom - historyGive, cap) : 0;
    b.style.minHeight = floor > 0 ? `${floor}px` : '';
    b.style.setProperty('--side-bottom-most', comfort !== null ? `${Math.max(comfort, m?.comfortLeast ?? 0, floor, 0)}px` : '100%');
    b.style.setProperty('--history-squeeze', `${Math.ceil(historyGive)}px`);
    b.style.setProperty('--layers-squeeze', `${Math.ceil(listGive)}px`);
  }, [bottom, shown, m]);

  const set = (next: number, remember: boolean) => {
    if (!m) return;
    const v = clampBottom(next, m);
    setWanted(v);
    if (remember) saveSideSplit(v);
  };
  const border = useBorderDrag(set);
  const limits = m ? bottomLimits(m) : null;
  // The height asked for when there is one (the layout follows it a frame later), else as measured.
  const bottomNow = m ? Math.round(shown ?? m.bottomHeight) : 0;
  const topNow = m ? Math.round(shown !== null ? m.column - m.fixed - shown : m.topHeight) : 0;
  // The value is Generate's height: the separator's distance from the column's top part.
  const valueMin = m && limits ? Math.round(m.column - m.fixed - limits.max) : 0;
  const valueMax = m && limits ? Math.round(m.column - m.fixed - limits.min) : 0;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a movable splitter, not a thematic break (<hr> takes no focus or value)
    <div
      className="side-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize Generate and Layers"
      aria-valuenow={topNow}
      aria-valuemin={valueMin}
      aria-valuemax={valueMax}
      aria-valuetext={`Generate ${topNow} px, Layers and History ${bottomNow} px`}
      title="Drag to share the column between Generate and Layers (↑ / ↓ when focused); double-click for the default"
      tabIndex={0}
      onPointerDown={(e) => {
        if (e.button !== 0 || !m) return;
        border.start(e, shown ?? m.bottomHeight);
      }}
      {...border.handlers}
      onDoubleClick={() => {
        setWanted(null);
        saveSideSplit(null);
      }}
      onKeyDown={(e) => {
        if (!m || e.ctrlKey || e.metaKey || e.altKey) return;
        const next = bottomForKey(e.key, shown ?? m.bottomHeight, m);
        if (next === null) return;
        e.preventDefault();
        e.stopPropagation();
        set(next, true);
      }}
    />
  );
}
