/**
 * A tile's rate limit or service error on the outpaint's progress line, as an edit's (run-edit.ts):
 * the SDK waits out a 429 or 5xx by itself (wait-notice.ts), and the bar read "Tile 2 of 4 ·
 * waiting for GPT Image 2" for as long with no word of why. Now it reads "Tile 2 of 4 · OpenAI is
 * limiting requests: trying again in 30 s", then "… waiting for GPT Image 2: tried again" once the
 * wait is over, until the tile's answer moves the bar on.
 */
import type { ResolvedModel } from './resolve-model';
import type { OutpaintProgress } from './outpaint-progress';
import { serviceName, waitWords, type WaitNotice } from '../providers/wait-notice';

type Say = (fraction: number, label: string, extra: undefined, phase: 'waiting') => void;

/**
 * Candidate `c`'s tile `i`'s wait notices: `onWait` for the provider call; `end` once the tile is back
 * (or failed): the board is told (OutpaintProgress.end) and a pending "tried again" is not said.
 */
export function tileWaitNotices(
  model: ResolvedModel,
  board: OutpaintProgress,
  say: Say,
  c: number,
  i: number,
): { onWait: (n: WaitNotice) => void; end: () => void } {
  let retried: ReturnType<typeof setTimeout> | undefined;
  const service = serviceName(model.spec.provider);
  return {
    onWait: (n) => {
      say(board.fraction(), `${board.label()} · ${waitWords(service, n)}`, undefined, 'waiting');
      clearTimeout(retried);
      if (n.afterMs !== undefined)
        retried = setTimeout(
          () => say(board.fraction(), `${board.label()} · waiting for ${model.spec.name}: tried again`, undefined, 'waiting'),
          n.afterMs,
        );
    },
    end: () => {
      clearTimeout(retried);
      board.end(c, i);
    },
  };
}
