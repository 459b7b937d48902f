/**
 * The engine's tests on this repo's dev extras (bench/fill/photos/dev: bokeh, foliage), Node only: a
 * photo by name, a hole in it and the engine's fill of that hole, as the bench makes it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inpaint } from '../../shared/engine/inpaint';
import { changedOutsideMask } from '../../shared/engine/metrics';
import type { RgbaImage } from '../../shared/engine/types';
import { loadRgba } from './load';

/** The path of a dev extra by name (`bokeh-dandelion`, …). */
export const devExtraPath = (name: string) => join(process.cwd(), 'bench', 'fill', 'photos', 'dev', `${name}.jpg`);

/** Whether the dev extra ships in this checkout (tests on it skip when it does not). */
export const hasDevExtra = (name: string) => existsSync(devExtraPath(name));

/** A hole of `w`×`h` covering columns x0..x1−1 of rows y0..y1−1. */
export function rectHole(w: number, h: number, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let y = y0; y < y1; y++) m.fill(255, y * w + x0, y * w + x1);
  return m;
}

export interface DevExtraFill {
  img: RgbaImage;
  mask: Uint8Array;
  out: RgbaImage;
  /** Pixels the fill changed outside its mask (0 for a correct fill). */
  changedOutside: number;
}

/** Fills the hole `hole(w, h)` of the dev extra `name` with the engine (seed 1 unless given). */
export async function fillDevExtra(name: string, hole: (w: number, h: number) => Uint8Array, seed = 1): Promise<DevExtraFill> {
  const img = await loadRgba(devExtraPath(name));
  const mask = hole(img.width, img.height);
  const out = inpaint(img, mask, { seed });
  return { img, mask, out, changedOutside: changedOutsideMask(out, img, mask) };
}
