/** Messages between main and the pixel worker (pixel-worker.ts). */
import type { Window } from '../../../shared/pixels/box-filter';

export interface PixelJob {
  id: number;
  /** An encoded image (copied to the worker), or RGBA pixels in a shared buffer. */
  source:
    | { kind: 'encoded'; bytes: Uint8Array; limitPixels: number }
    | { kind: 'raw'; sab: SharedArrayBuffer; width: number; height: number };
  /** Resized (lanczos3) to `size`, and only `win` of it kept; else the source decoded as it is. */
  scale?: { size: { width: number; height: number }; win: Window };
  /** Where the RGBA result goes: the first `byteLength` bytes of `sab`. */
  into: { sab: SharedArrayBuffer; byteLength: number };
}

export type PixelReply = { id: number; ok: true; width: number; height: number } | { id: number; ok: false; message: string };
