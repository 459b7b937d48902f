import { beforeEach, describe, expect, it } from 'vitest';
import { EXTRAS_HIDDEN_HINT, nextPanels, PANELS_HIDDEN_HINT, toggleExtras, togglePanels, useWorkspaceView } from './workspace-view';
import { maskOverlayShown, setMaskOverlay } from './overlay-visibility';
import { useEditor } from './store/store';

const said: string[] = [];
const say = (m: string) => void said.push(m);
const overlay = () => maskOverlayShown(useEditor.getState());

beforeEach(() => {
  said.length = 0;
  useWorkspaceView.setState({ panels: 'none', extrasHidden: false, overlayWasShown: false });
  setMaskOverlay(true);
});

describe('Tab / Shift+Tab: the panels', () => {
  it('Tab hides them all, Shift+Tab the side panels; either again brings all back', () => {
    expect(nextPanels('none', false)).toBe('all');
    expect(nextPanels('none', true)).toBe('side');
    expect(nextPanels('all', false)).toBe('none');
    expect(nextPanels('side', true)).toBe('none');
    expect(nextPanels('side', false)).toBe('none');
    expect(nextPanels('all', true)).toBe('none');
  });

  it('says how to get them back when it hides them, not when it shows them', () => {
    togglePanels(false, say);
    expect(useWorkspaceView.getState().panels).toBe('all');
    togglePanels(false, say);
    expect(useWorkspaceView.getState().panels).toBe('none');
    expect(said).toEqual([PANELS_HIDDEN_HINT]);
  });
});

describe('Ctrl+H: the extras', () => {
  it('hides the overlay and the outlines; again shows them, the overlay as it was', () => {
    toggleExtras(say);
    expect(useWorkspaceView.getState().extrasHidden).toBe(true);
    expect(overlay()).toBe(false);
    expect(said).toEqual([EXTRAS_HIDDEN_HINT]);
    toggleExtras(say);
    expect(useWorkspaceView.getState().extrasHidden).toBe(false);
    expect(overlay()).toBe(true);
  });

  it('an overlay hidden before (\\) stays hidden when the extras come back', () => {
    setMaskOverlay(false);
    toggleExtras(say);
    toggleExtras(say);
    expect(useWorkspaceView.getState().extrasHidden).toBe(false);
    expect(overlay()).toBe(false);
  });
});

describe('a hint that stopped being true goes', () => {
  const messages = () => useEditor.getState().toasts.map((t) => t.message);
  it("'Panels hidden' goes when Tab brings them back, 'Extras hidden' when Ctrl+H shows them (they stayed up)", () => {
    const notify = (m: string) => useEditor.getState().notify('info', m);
    togglePanels(false, notify);
    expect(messages()).toContain(PANELS_HIDDEN_HINT);
    togglePanels(false, notify);
    expect(messages()).not.toContain(PANELS_HIDDEN_HINT);
    toggleExtras(notify);
    expect(messages()).toContain(EXTRAS_HIDDEN_HINT);
    toggleExtras(notify);
    expect(messages()).not.toContain(EXTRAS_HIDDEN_HINT);
  });
});
