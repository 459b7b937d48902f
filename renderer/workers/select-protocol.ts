/** Messages between the selection client (renderer/commands/select-client.ts) and its worker. */
import type { Rect } from '../../shared/geometry/rect';
import type { Coverage, TiledMask } from '../../shared/mask';
import type { Rgb, SelectStroke } from '../../shared/select';
import type { TimingSpan } from '../../shared/timing/spans';

/** One picture of the source: a bitmap placed on the canvas (document px), drawn in order. */
export interface SourceLayer {
  bitmap: ImageBitmap;
  x: number;
  y: number;
  width: number;
  height: number;
  opacity: number;
}

/** What to read pixels from; `layers` is left out when the worker already holds `key`. */
export interface SourceSpec {
  key: string;
  width: number;
  height: number;
  layers?: SourceLayer[];
}

export type SelectOp =
  | { op: 'wand'; x: number; y: number; tolerance: number; contiguous: boolean; antialias: boolean }
  | { op: 'object'; rect?: Rect; strokes: SelectStroke[] }
  | { op: 'rangePreview'; colors: Rgb[]; fuzziness: number; maxSide: number }
  | { op: 'range'; colors: Rgb[]; fuzziness: number }
  | { op: 'refine'; mask: TiledMask; radius: number; smoothness: number }
  | { op: 'pick'; x: number; y: number }
  /** Take the source and touch its pixels, so the next job starts warm (nothing is computed). */
  | { op: 'prepare' };

export type SelectRequest = { id: number; source: SourceSpec; job: SelectOp };

export interface SelectPreview {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The worker's side of a job's timing: when the message arrived, its spans, when the reply left (wall clock ms). */
export interface WorkerTiming {
  receivedAt: number;
  spans: TimingSpan[];
  sentAt: number;
}

export type SelectResponse =
  | { id: number; ok: true; coverage?: Coverage | null; preview?: SelectPreview; color?: Rgb; needSource?: false; timing?: WorkerTiming }
  | { id: number; ok: false; error: string; needSource?: boolean };
