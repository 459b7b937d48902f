/**
 * The selection tools while candidates are staged (or an edit's first candidate is shown): they
 * change nothing, as Photoshop's Generative Fill asks you to commit first. A plain click only gives
 * the keys back to the editor (README's advice); a drag says, in one line, to Keep or Discard first.
 * The magic wand's click added a "Magic wand" step and a whole other region to the mask, and a
 * marquee drag added its box — unseen under the candidate, and the next Generate's estimate jumped.
 * A gesture already under way when candidates arrive (a polygon being placed) goes on as before.
 * Once the candidate shown is kept as a layer (Keep as layer leaves the strip open), selecting goes on
 * as usual: the next request's area, over the mask Keep as layer left (README).
 */
import { useEditor } from '../../commands/store/store';
import { candidatesShown } from '../../commands/overlay-visibility';
import { candidateKept } from '../../model/version-logic';
import type { Tool } from './tool-types';

/** Candidates are on the canvas, and the one shown is not kept yet: a selection would change the mask unseen. */
function guarded(): boolean {
  const s = useEditor.getState();
  if (!candidatesShown(s)) return false;
  const shown = s.staging.items[s.staging.selected];
  return !shown || !candidateKept(s.doc, shown);
}

/** What a drag over staged candidates with a selection tool says. */
export const STAGED_SELECTION_MESSAGE = 'Keep or Discard the candidates first: the selection tools change nothing while they are staged.';

/** How far (screen px) the pointer moves before a press counts as a drag. */
const DRAG_PX = 4;

export function guardWhileStaged(tool: Tool): Tool {
  /** The press swallowed because candidates were staged, until the button is let go. */
  let press: { x: number; y: number; dragged: boolean } | null = null;
  return {
    ...tool,
    id: tool.id,
    state: () => (press ? 'staged-press' : tool.state()),
    down(p, live) {
      if (p.button === 0 && tool.state() === 'idle' && guarded()) {
        press = { x: p.screen.x, y: p.screen.y, dragged: false };
        return;
      }
      tool.down(p, live);
    },
    move(p, live) {
      if (press) {
        if (Math.hypot(p.screen.x - press.x, p.screen.y - press.y) > DRAG_PX) press.dragged = true;
        return;
      }
      tool.move(p, live);
    },
    up(p, live) {
      if (press) {
        const dragged = press.dragged || Math.hypot(p.screen.x - press.x, p.screen.y - press.y) > DRAG_PX;
        press = null;
        if (dragged) useEditor.getState().notifyAboutStaged('info', STAGED_SELECTION_MESSAGE);
        return;
      }
      tool.up(p, live);
    },
    cancel(live) {
      press = null;
      tool.cancel(live);
    },
    dblclick(p, live) {
      if (tool.state() === 'idle' && guarded()) return;
      tool.dblclick?.(p, live);
    },
  };
}
