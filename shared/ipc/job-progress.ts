/**
 * Main → renderer `job:progress`: how far a job is, an optional partial image (with its region and,
 * for an edit in areas, which area) and a candidate's pixels ahead of the result. Checked in the
 * renderer before it acts on it (a malformed event is ignored: the slow poll and the result still
 * come); the pixels' sizes are checked further when they are used (patch-pixels.ts).
 */
import { MAX_AREAS } from '../geometry/region-groups';
import type { JobProgress } from './contract-types';
import { rect } from './contract-schemas';
import * as s from './schema';

const point = s.object({ x: s.number({ int: true, min: -1e6, max: 1e6 }), y: s.number({ int: true, min: -1e6, max: 1e6 }) });
const size = s.object({ width: s.int(1, 1e6), height: s.int(1, 1e6) });
const candidate = s.int(0, 1000);

export const jobProgressEvent = s.object({
  jobId: s.string({ min: 1, max: 200 }),
  fraction: s.number({ min: 0, max: 1 }),
  stage: s.string({ max: 2000 }),
  phase: s.optional(s.oneOf(['preparing', 'waiting', 'working'] as const)),
  preview: s.optional(
    s.object({
      candidate,
      bytes: s.bytes(),
      region: s.optional(rect),
      /** An edit in areas: which area (0-based, fewer than MAX_AREAS). */
      area: s.optional(s.int(0, MAX_AREAS - 1)),
    }),
  ),
  patch: s.optional(
    s.object({
      candidate,
      size,
      origin: s.optional(point),
      /** Its shape and byte count are checked where it is used (checkPatchPixels). */
      pixels: s.object({ rect, rgba: s.bytes(), pieces: s.optional(s.array(rect, { min: 1, max: 16 })) }),
      sentAt: s.optional(s.number({ min: 0 })),
    }),
  ),
});

/** The event as JobProgress, or null when it does not match the schema. */
export function readJobProgress(payload: unknown): JobProgress | null {
  try {
    return s.parse(jobProgressEvent, payload);
  } catch {
    return null;
  }
}
