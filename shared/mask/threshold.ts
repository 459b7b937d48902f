/**
 * A mask value (0..255) counts as masked — inside the edit, part of the hole — when it is at least
 * MASK_ON: half coverage, so a soft brush edge belongs to the side it mostly covers. Everything that
 * turns a grey mask into a yes/no (bounds for planning, the request mask sent to a model, the CLI's
 * mask file, the engine's hole) uses this one threshold.
 */
export const MASK_ON = 128;
