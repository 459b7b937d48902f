import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyMask, getMaskValue } from '../../shared/mask';
import { getMask, putMask } from './blob-store';
import {
  applyExtendDraft,
  cancelExtendDraft,
  chooseAnchor,
  choosePreset,
  draftSides,
  extendCanvas,
  extendProposal,
  fitProposal,
  fitProposalIfOffScreen,
  setDraftSides,
  setExtendSide,
} from './canvas-commands';
import { useEditor } from './store/store';

const st = () => useEditor.getState();

beforeEach(() => {
  st().clearStaging();
  st().setJob(null);
  st().setTool('brush');
  st().openDocument({
    id: `doc-${Math.random()}`,
    canvas: { width: 540, height: 960 },
    original: { assetId: 'asset-original', name: 'poster.png', width: 540, height: 960, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(540, 960)),
    layers: [{ id: 'l1', name: 'p', assetId: 'asset-patch-1', x: 10, y: 20, width: 100, height: 50 }],
    versions: [],
  });
});

describe('extendCanvas', () => {
  it('is one undo step: size, positions and mask together, all restored by one undo', () => {
    const before = st().doc!;
    expect(extendCanvas({ width: 2240, height: 960 }, { x: 850, y: 0 }, 32)).toBeNull();
    const d = st().doc!;
    expect(st().label).toBe('Extend canvas');
    expect(st().past).toHaveLength(1);
    expect(d.canvas).toEqual({ width: 2240, height: 960 });
    expect(d.original).toMatchObject({ x: 850, y: 0 });
    expect(d.layers[0]).toMatchObject({ x: 860, y: 20 });
    const m = getMask(d.maskId);
    expect([m.width, m.height]).toEqual([2240, 960]);
    expect(getMaskValue(m, 100, 100)).toBe(255);
    expect(getMaskValue(m, 1100, 500)).toBe(0);
    st().undo();
    expect(st().doc).toBe(before);
    expect(getMask(st().doc!.maskId).width).toBe(540);
    st().redo();
    expect(st().doc).toBe(d);
  });

  it('undo and redo of an extension keep the zoom and the photo in place on screen, fitted or not', () => {
    st().setStageSize(800, 600);
    expect(extendCanvas({ width: 2240, height: 960 }, { x: 850, y: 0 }, 32)).toBeNull();
    // Zoomed in by hand (not fitted): the photo's screen position is what a retoucher is looking at.
    st().setView({ scale: 0.5, offsetX: -300, offsetY: 20 });
    const onScreen = () => ({ x: st().offsetX + st().doc!.original.x * st().scale, y: st().offsetY + st().doc!.original.y * st().scale });
    // The same place, to the pixel grid's half a screen pixel (the view's origin is on whole pixels).
    const near = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      expect(Math.abs(a.x - b.x) <= 0.5 && Math.abs(a.y - b.y) <= 0.5, JSON.stringify([a, b])).toBe(true);
    const at = onScreen();
    st().undo();
    expect(st().doc!.canvas.width).toBe(540);
    near(onScreen(), at);
    expect(st().scale).toBe(0.5);
    st().redo();
    near(onScreen(), at);
    // Fitted: the zoom and the photo's place stay too (as in Photoshop; it was fitted again).
    st().fitToScreen();
    const fitted = { scale: st().scale, at: onScreen() };
    st().undo();
    expect(st().scale).toBe(fitted.scale);
    near(onScreen(), fitted.at);
    expect(st().fitted).toBe(false);
    st().redo();
    expect(st().scale).toBe(fitted.scale);
    near(onScreen(), fitted.at);
  });

  it('undo of an extension fits the view when the canvas would be entirely off screen', () => {
    st().setStageSize(800, 600);
    expect(extendCanvas({ width: 2240, height: 960 }, { x: 850, y: 0 }, 32)).toBeNull();
    // Zoomed in on the new area far right of the photo: undone, the photo would lie left of the view.
    st().setView({ scale: 2, offsetX: -3500, offsetY: 0 });
    st().undo();
    expect(st().fitted).toBe(true);
    expect(st().scale).toBeCloseTo(Math.min((800 - 48) / 540, (600 - 36 - 48) / 960), 6);
  });

  it('refuses shrinking and no-ops without a history step', () => {
    expect(extendCanvas({ width: 540, height: 960 }, { x: 0, y: 0 })).toMatch(/unchanged/);
    expect(extendCanvas({ width: 500, height: 960 }, { x: 0, y: 0 })).toMatch(/grow/);
    expect(st().past).toHaveLength(0);
  });
});

describe('the extend tool proposal', () => {
  it('preset + anchor → proposal; Apply commits it and clears the preview', () => {
    st().setTool('extend');
    choosePreset('21:9');
    expect(extendProposal(st())).toEqual({ canvas: { width: 2240, height: 960 }, originalAt: { x: 850, y: 0 }, offset: { x: 850, y: 0 } });
    chooseAnchor('left');
    expect(extendProposal(st())?.originalAt).toEqual({ x: 0, y: 0 });
    setExtendSide('top', 12.4);
    expect(draftSides(st())).toEqual({ left: 0, right: 1700, top: 12, bottom: 0 });
    expect(st().extend.preset).toBeNull();
    applyExtendDraft();
    expect(st().doc!.canvas).toEqual({ width: 2240, height: 972 });
    expect(st().doc!.original).toMatchObject({ x: 0, y: 12 });
    expect(extendProposal(st())).toBeNull();
    expect(
      st()
        .past.map((p) => p.label)
        .concat(st().label)
        .filter((l) => l === 'Extend canvas'),
    ).toHaveLength(1);
  });

  it('a JPEG original is placed on its block grid by a centred preset (a PNG exactly centred), and by a new anchor', () => {
    st().setTool('extend');
    chooseAnchor('centre');
    choosePreset('21:9');
    expect(extendProposal(st())?.originalAt).toEqual({ x: 850, y: 0 }); // poster.png: exactly centred
    const doc = st().doc!;
    st().openDocument({ ...doc, id: `doc-${Math.random()}`, original: { ...doc.original, name: 'poster.JPG' } });
    st().setTool('extend');
    choosePreset('21:9');
    expect(extendProposal(st())).toMatchObject({ canvas: { width: 2240, height: 960 }, originalAt: { x: 848, y: 0 } });
    chooseAnchor('right');
    expect(extendProposal(st())?.originalAt).toEqual({ x: 1700, y: 0 }); // anchored: as the aspect gives it
    chooseAnchor('top');
    expect(extendProposal(st())?.originalAt).toEqual({ x: 848, y: 0 });
  });

  it('a new anchor moves the proposal and the view follows it, as a preset does', () => {
    st().setTool('extend');
    st().setStageSize(800, 600);
    chooseAnchor('centre');
    choosePreset('21:9');
    chooseAnchor('left');
    expect(extendProposal(st())?.originalAt).toEqual({ x: 0, y: 0 });
    const view = () => ({ scale: st().scale, x: st().offsetX, y: st().offsetY });
    const after = view();
    fitProposal();
    expect(after).toEqual(view());
  });

  it('zoomed in, only the sides that moved count: a click on an edge or a short drag keeps the view', () => {
    st().setTool('extend');
    st().setStageSize(800, 600);
    cancelExtendDraft();
    st().fitToScreen();
    // Zoomed in about the left edge: the right and bottom of the canvas are off screen.
    st().zoomTo(st().scale * 4, { x: st().offsetX + 5, y: 300 });
    const view = () => ({ scale: st().scale, x: st().offsetX, y: st().offsetY });
    const zoomed = view();
    fitProposalIfOffScreen([]); // a click on the edge: nothing moved
    expect(view()).toEqual(zoomed);
    setDraftSides({ left: 2, right: 0, top: 0, bottom: 0 }); // the left edge, still on screen
    fitProposalIfOffScreen(['left']);
    expect(view()).toEqual(zoomed);
    setExtendSide('left', 3); // typed: the same
    expect(view()).toEqual(zoomed);
    setDraftSides({ left: 400, right: 0, top: 0, bottom: 0 }); // past the window's left edge: fits
    fitProposalIfOffScreen(['left']);
    expect(view().scale).toBeLessThan(zoomed.scale);
  });

  it('after a handle drag, the view fits the proposal only when it reaches past the stage', () => {
    st().setTool('extend');
    st().setStageSize(800, 600);
    cancelExtendDraft();
    st().fitToScreen();
    const view = () => ({ scale: st().scale, x: st().offsetX, y: st().offsetY });
    const fitted = view();
    setDraftSides({ left: 0, right: 20, top: 0, bottom: 0 }); // a short drag: the frame stays in view
    fitProposalIfOffScreen();
    expect(view()).toEqual(fitted);
    setDraftSides({ left: 0, right: 2000, top: 0, bottom: 0 }); // dragged to the window's edge and beyond
    fitProposalIfOffScreen();
    const after = view();
    expect(after.scale).toBeLessThan(fitted.scale);
    fitProposal();
    expect(view()).toEqual(after);
  });

  it('Cancel and leaving the tool drop the preview without a trace', () => {
    st().setTool('extend');
    const doc = st().doc;
    choosePreset('16:9');
    expect(extendProposal(st())).not.toBeNull();
    cancelExtendDraft();
    expect(extendProposal(st())).toBeNull();
    choosePreset('16:9');
    st().setTool('brush');
    st().setTool('extend');
    expect(extendProposal(st())).toBeNull();
    expect(st().doc).toBe(doc);
    expect(st().past).toHaveLength(0);
  });

  it('a proposal made on another canvas size is void (e.g. after undo)', () => {
    st().setTool('extend');
    choosePreset('1:1');
    applyExtendDraft();
    choosePreset('3:1');
    expect(extendProposal(st())).not.toBeNull();
    st().undo();
    expect(extendProposal(st())).toBeNull();
  });

  it('Apply waits while candidates are staged', () => {
    st().setTool('extend');
    choosePreset('1:1');
    st().stageCandidates([
      {
        key: 'j:0',
        jobId: 'j',
        docId: st().doc!.id,
        index: 0,
        model: 'local',
        modelName: 'Local',
        prompt: '',
        assetId: 'asset-x-1',
        region: { x: 0, y: 0, width: 10, height: 10 },
        requestSize: { width: 10, height: 10 },
        costUsd: 0,
        seconds: 1,
        createdAt: 0,
      },
    ]);
    applyExtendDraft();
    expect(st().doc!.canvas).toEqual({ width: 540, height: 960 });
    expect(st().toasts.at(-1)?.message).toMatch(/staged candidates/);
  });
});
