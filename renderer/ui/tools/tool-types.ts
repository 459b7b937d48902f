import type { DocPoint, ScreenPoint } from '../../../shared/geometry/point';

/** The pointer event tools receive: both coordinate spaces and the modifier keys. */
export interface ToolPointer {
  /** Document pixels (may be outside the canvas). */
  doc: DocPoint;
  /** Stage (screen) pixels relative to the canvas element. */
  screen: ScreenPoint;
  shift: boolean;
  alt: boolean;
  /** Space held: a marquee being drawn moves with the pointer instead of growing (Photoshop). */
  space?: boolean;
  button: number;
  detail: number;
  /** Pointer events' pressure (0..1; a mouse reports 0.5 while pressed) and the device kind. */
  pressure: number;
  pointerType: string;
}

/** What a tool may draw while a gesture is live: a screen-sized canvas above the stage. */
export interface LiveSurface {
  ctx: CanvasRenderingContext2D;
  clear(): void;
  /** document px → screen px */
  toScreen(x: number, y: number): ScreenPoint;
  scale(): number;
}

/**
 * A tool is a small state machine. `idle` until a pointer goes down; the gesture commits exactly one
 * history step on completion; `cancel` (Escape) returns to idle leaving no trace.
 */
export interface Tool {
  readonly id: string;
  state(): string;
  down(p: ToolPointer, live: LiveSurface): void;
  move(p: ToolPointer, live: LiveSurface): void;
  up(p: ToolPointer, live: LiveSurface): void;
  cancel(live: LiveSurface): void;
  /** Keys while the tool is active (Enter closes a polygon, Backspace removes a point). Returns true if handled. */
  key?(key: string, live: LiveSurface): boolean;
  /** Double-click (polygon close). */
  dblclick?(p: ToolPointer, live: LiveSurface): void;
  /** CSS cursor while hovering at `p` (e.g. a resize cursor over a handle); null = the default. */
  cursor?(p: ToolPointer, live: LiveSurface): string | null;
  /**
   * The gesture waits between clicks with no button held (a polygon being placed): the view may move
   * meanwhile (zoom keys, Space-drag, the wheel), as in Photoshop, and `redraw` puts it where its
   * points now are on screen. Without it, every shortcut waits until the gesture ends.
   */
  betweenClicks?(): boolean;
  /**
   * Drops a gesture that holds nothing yet but its first click (a polygon's lone point), so a shortcut
   * pressed then runs instead of waiting; true if it was dropped.
   */
  dropLonePoint?(): boolean;
  /** Draws the gesture in progress again (the view moved or the live canvas was resized). */
  redraw?(live: LiveSurface): void;
}
