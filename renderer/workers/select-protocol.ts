/** Messages between the selection client (renderer/commands/select-client.ts) and its worker. */
import type { Rect } from '../../shared/geometry/rect';
import type { Coverage, TiledMask } from '../../shared/mask';
import type { Rgb, SelectStroke } from '../../shared/select';

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
  | { op: 'pick'; x: number; y: number };

export type SelectRequest = { id: number; source: SourceSpec; job: SelectOp };

export interface SelectPreview {
  width: number;
  height: number;
  data: Uint8Array;
}

export type SelectResponse =
  | { id: number; ok: true; coverage?: Coverage | null; preview?: SelectPreview; color?: Rgb; needSource?: false }
  | { id: number; ok: false; error: string; needSource?: boolean };
