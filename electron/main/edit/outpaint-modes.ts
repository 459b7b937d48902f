/**
 * Which of the outpaint job's ways of working are on for one request (run-outpaint.ts): each is on
 * by default for a cloud model and can be switched off by its environment variable, for A/B benches
 * and as an escape hatch. The offline engine (`local`) uses none of them.
 */
import type { OutpaintRequest } from './run-outpaint';

export interface OutpaintModes {
  /** A request made after Generate is critical (critical-work.ts): faulting and the work done while the model works wait for it. */
  critical: boolean;
  /** Background work (blends, scales to full size) gives way to a critical stretch. */
  yieldBg: boolean;
  /** An independent tile's masks and request are cut from the original's rows (tile-from-original.ts). */
  fromRow: boolean;
  /** Chained tiles' request parts that do not depend on earlier answers are made ahead (chain-ahead.ts). */
  anyChained: boolean;
  /** Tiles that wait for no earlier one go out side by side. */
  parallelTiles: boolean;
  /** A chained tile's request is made from the earlier tiles' answers as they come. */
  fromAnswers: boolean;
  /** Their smooth pre-fill is made ahead, from what the earlier tiles were sent (chain-fill-ahead.ts). */
  fillsAhead: boolean;
}

export function outpaintModes(
  local: boolean,
  req: Pick<OutpaintRequest, 'prefill'>,
  env: Record<string, string | undefined>,
  independent: readonly boolean[],
): OutpaintModes {
  const smooth = (req.prefill ?? 'smooth') === 'smooth';
  const anyChained = !local && independent.some((x) => !x) && env.MASKWORK_CHAIN_AHEAD !== '0';
  const parallelTiles = !local && env.MASKWORK_PARALLEL_TILES !== '0';
  const fromAnswers = anyChained && parallelTiles && env.MASKWORK_CHAIN_FROM_ANSWER !== '0';
  return {
    critical: !local && env.MASKWORK_REQUEST_CRITICAL !== '0',
    yieldBg: env.MASKWORK_BACKGROUND_YIELDS !== '0',
    fromRow: !local && smooth && env.MASKWORK_MASKS_AT_REQUEST !== '0',
    anyChained,
    parallelTiles,
    fromAnswers,
    fillsAhead: fromAnswers && smooth && env.MASKWORK_FILL_AHEAD !== '0',
  };
}
