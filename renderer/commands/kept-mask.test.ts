import { beforeEach, describe, expect, it } from 'vitest';
import type { DocState } from '../model/document-types';
import {
  forgetKeptAsLayer,
  maskLeftByKeepAsLayer,
  NEW_AFTER_KEEP_AS_LAYER,
  noteNewOverKept,
  rememberKeptAsLayer,
  selectionModeOver,
} from './kept-mask';
import { useEditor } from './store/store';

const doc = (maskId: string, assets: string[], id = 'doc-1') =>
  ({ id, maskId, layers: assets.map((assetId) => ({ assetId })) }) as unknown as DocState;

beforeEach(() => forgetKeptAsLayer());

describe('the mask Keep as layer left', () => {
  it('is that mask, whatever became of its layer; another mask, another photo or a Keep end it', () => {
    rememberKeptAsLayer(doc('m1', ['a1']));
    expect(maskLeftByKeepAsLayer(doc('m1', ['a1']))).toBe(true);
    expect(maskLeftByKeepAsLayer(doc('m1', ['merged']))).toBe(true); // merged down (Ctrl+E): another layer, the same mask
    expect(maskLeftByKeepAsLayer(doc('m2', ['a1']))).toBe(false); // the mask changed
    expect(maskLeftByKeepAsLayer(doc('m1', ['a1'], 'doc-2'))).toBe(false);
    forgetKeptAsLayer(); // a Keep
    expect(maskLeftByKeepAsLayer(doc('m1', ['a1']))).toBe(false);
  });

  it('turns the default Add into a new selection, said in a toast once it is made; Shift, Subtract and New are left alone', () => {
    const d = doc('m1', ['a1']);
    useEditor.setState({ doc: d, toasts: [] } as never);
    expect(selectionModeOver('add', false)).toBe('add'); // nothing kept as a layer yet
    rememberKeptAsLayer(d);
    expect(selectionModeOver('add', true)).toBe('add');
    expect(selectionModeOver('subtract', false)).toBe('subtract');
    expect(selectionModeOver('replace', false)).toBe('replace');
    expect(useEditor.getState().toasts).toHaveLength(0);
    expect(selectionModeOver('add', false)).toBe('replace');
    expect(selectionModeOver('add', false)).toBe('replace');
    // Said after the step (the next step takes it away), not at the press: before, it stayed up over later steps.
    expect(useEditor.getState().toasts).toHaveLength(0);
    noteNewOverKept('m2'); // another mask replaced: not this one
    expect(useEditor.getState().toasts).toHaveLength(0);
    noteNewOverKept('m1');
    noteNewOverKept('m1');
    expect(useEditor.getState().toasts.map((t) => t.message)).toEqual([NEW_AFTER_KEEP_AS_LAYER]);
    // A selection turned into New but never made (cancelled), then one with New chosen: nothing said.
    useEditor.setState({ toasts: [] } as never);
    expect(selectionModeOver('add', false)).toBe('replace');
    expect(selectionModeOver('replace', false)).toBe('replace');
    noteNewOverKept('m1');
    expect(useEditor.getState().toasts).toHaveLength(0);
  });
});
