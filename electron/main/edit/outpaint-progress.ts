/**
 * One progress bar and one label for an outpaint's candidates, which may run one after the other or
 * side by side (run-outpaint.ts): the bar is the candidates' mean progress through their tiles, and
 * the label names every tile and every candidate that is with the model at that moment.
 */
import { OUTPAINT_COMPOSITING, OUTPAINT_TILES } from '../jobs/progress-steps';

/**
 * "Tile 3 of 4", "Tiles 2 and 3 of 4" while tiles apart from each other are with the model at once;
 * one tile is "The extension" (a "Tile 1 of 1" says nothing). With several candidates, which of them,
 * out of how many ("…, candidate 2 of 3", "…, candidates 1 and 2 of 2" side by side).
 * `inFlight`: candidate index (0-based) → its tiles (1-based) with the model.
 */
export function tilesLabel(inFlight: ReadonlyMap<number, ReadonlySet<number>>, total: number, candidates: number): string {
  const tiles = [...new Set([...inFlight.values()].flatMap((s) => [...s]))].sort((a, b) => a - b);
  const which = total === 1 ? 'The extension' : `${tiles.length > 1 ? `Tiles ${list(tiles)}` : `Tile ${tiles[0] ?? 1}`} of ${total}`;
  if (candidates < 2) return which;
  const cands = [...inFlight.entries()]
    .filter(([, s]) => s.size > 0)
    .map(([c]) => c + 1)
    .sort((a, b) => a - b);
  return `${which}, candidate${cands.length > 1 ? 's' : ''} ${list(cands)} of ${candidates}`;
}

const list = (xs: readonly number[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : `${xs[0] ?? ''}`);

/** Where an outpaint's candidates are: each one's share of its tiles done, and its tiles with the model. */
export class OutpaintProgress {
  private readonly inFlight = new Map<number, Set<number>>();
  private readonly own: number[];

  constructor(
    private readonly tiles: number,
    private readonly candidates: number,
  ) {
    this.own = Array.from({ length: candidates }, () => 0);
  }

  /** Candidate `c`'s tile `i` (0-based) goes to the model. */
  start(c: number, i: number): void {
    const s = this.inFlight.get(c) ?? new Set<number>();
    s.add(i + 1);
    this.inFlight.set(c, s);
    this.advance(c, i, 0);
  }

  /** Candidate `c`'s tile `i` is `f` (0..1) done. */
  advance(c: number, i: number, f: number): void {
    this.own[c] = Math.max(this.own[c], Math.min(1, (i + Math.max(0, Math.min(1, f))) / this.tiles));
  }

  /** Candidate `c`'s tile `i` is back from the model. */
  end(c: number, i: number): void {
    this.inFlight.get(c)?.delete(i + 1);
  }

  /** Candidate `c` has all its tiles. */
  finished(c: number): void {
    this.own[c] = 1;
    this.inFlight.delete(c);
  }

  /** True while any candidate has a tile with the model. */
  busy(): boolean {
    return [...this.inFlight.values()].some((s) => s.size > 0);
  }

  /** The bar: the tiles' part of it, filled by the candidates' mean progress; compositing once none has tiles left. */
  fraction(): number {
    const mean = this.own.reduce((t, x) => t + x, 0) / this.candidates;
    return OUTPAINT_TILES.start + OUTPAINT_TILES.span * mean;
  }

  label(): string {
    return tilesLabel(this.inFlight, this.tiles, this.candidates);
  }

  /**
   * What candidate `c` shows when it starts compositing: the bar's compositing step once every candidate
   * has its tiles; before that, where the bar is, and `label` null while another candidate still has
   * tiles with the model (its tiles label then goes on showing).
   */
  compositing(c: number): { fraction: number; label: string | null } {
    this.finished(c);
    if (this.own.every((x) => x === 1)) return { fraction: OUTPAINT_COMPOSITING, label: 'Compositing' };
    return { fraction: this.fraction(), label: this.busy() ? null : 'Compositing' };
  }
}
