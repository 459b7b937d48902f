/**
 * Edit candidates' pixels that main sends ahead of the job's result (issue 16): the bitmap is built
 * while main still encodes the patch PNG, and `job:result` is asked to leave these pixels out. The
 * pixels are validated on arrival (rect inside the patch, exactly w × h × 4 bytes); nothing here
 * touches the document — a job that fails or is cancelled only drops its entries.
 */
import type { CandidateResult, JobProgress } from '../../shared/ipc/contract-types';
import { checkPatchPixels } from '../../shared/ipc/patch-pixels';
import type { BuiltPatch, PixelSource } from './candidate-assets';

export interface EarlyPatch {
  source: PixelSource;
  /** The bitmap being built (absent when no builder was given). */
  built?: Promise<BuiltPatch>;
}

/** At most this many early patches are held (jobs that never ended, events for jobs never shown). */
const LIMIT = 32;

export function createEarlyPatches(build?: (source: PixelSource) => Promise<BuiltPatch>) {
  const held = new Map<string, EarlyPatch>();
  const key = (jobId: string, index: number) => `${jobId}:${index}`;
  // A bitmap never adopted is closed; a failed build needs nothing.
  const release = (e: EarlyPatch): void => {
    void e.built?.then(
      (b) => b.bmp.close(),
      () => {},
    );
  };
  return {
    /** Keeps the pixels of a `job:progress` event that carries them (invalid ones are ignored: the result brings them); returns the entry. */
    take(p: JobProgress): EarlyPatch | null {
      if (!p.patch) return null;
      let pixels: ReturnType<typeof checkPatchPixels>;
      try {
        pixels = checkPatchPixels(p.patch.pixels, p.patch.size);
      } catch {
        return null;
      }
      const source = { pixels, size: { width: p.patch.size.width, height: p.patch.size.height } };
      const built = build?.(source);
      built?.catch(() => {}); // reported when the candidate is staged
      const k = key(p.jobId, p.patch.candidate);
      const old = held.get(k);
      if (old) release(old);
      held.set(k, { source, built });
      while (held.size > LIMIT) {
        const [first, e] = held.entries().next().value!;
        held.delete(first);
        release(e);
      }
      return held.get(k) ?? null;
    },
    /** Candidate indexes of `jobId` held here (for `job:result`'s `have`). */
    have(jobId: string): number[] {
      const out: number[] = [];
      for (const k of held.keys()) if (k.startsWith(`${jobId}:`)) out.push(Number(k.slice(jobId.length + 1)));
      return out;
    },
    /** The early patch of a result candidate that came without pixels (null when none fits its region). */
    claim(jobId: string, c: Pick<CandidateResult, 'index' | 'region'>): EarlyPatch | null {
      const k = key(jobId, c.index);
      const e = held.get(k);
      if (!e) return null;
      held.delete(k);
      if (e.source.size.width !== c.region.width || e.source.size.height !== c.region.height) {
        release(e);
        return null;
      }
      return e;
    },
    /** Forgets every entry of `jobId` (the job ended: staged ones were claimed already). */
    drop(jobId: string): void {
      for (const [k, e] of held)
        if (k.startsWith(`${jobId}:`)) {
          held.delete(k);
          release(e);
        }
    },
    get size(): number {
      return held.size;
    },
  };
}

export type EarlyPatches = ReturnType<typeof createEarlyPatches>;
