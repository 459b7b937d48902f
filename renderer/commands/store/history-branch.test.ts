import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyMask } from '../../../shared/mask';
import type { DocState } from '../../model/document-types';
import { putMask } from '../blob-store';
import { useEditor } from './store';

const st = () => useEditor.getState();

function photo(name: string): DocState {
  return {
    id: `doc-${name}-${Math.random()}`,
    canvas: { width: 64, height: 48 },
    original: { assetId: `img-${name}`, name, width: 64, height: 48, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(64, 48)),
    layers: [],
    versions: [],
  };
}

const keep =
  (id: string) =>
  (d: DocState): DocState => ({
    ...d,
    layers: [...d.layers, { id, name: id, assetId: `patch-${id}`, x: 0, y: 0, width: 8, height: 8 }],
  });

beforeEach(() => {
  st().openDocument(photo('desk.jpg'));
  for (const t of [...st().toasts]) st().dismiss(t.id);
});

describe('a change after undoing back past another photo', () => {
  it("keeps the other photo's steps (reachable with Ctrl/⌘ Z), drops only this photo's redo steps, and says so", () => {
    st().commit('Brush', keep('desk-1'));
    st().commit('Brush', keep('desk-2'));
    st().undo(); // desk-2 becomes a redo step of desk
    st().openDocument(photo('building.jpg'), undefined, { undoable: true });
    const building = st().doc!.id;
    st().commit('Keep gpt-image-2 result', keep('paid'));
    // Back to desk, past "Open building.jpg".
    st().undo();
    st().undo();
    expect(st().doc!.original.name).toBe('desk.jpg');
    expect(st().future.map((f) => f.doc.id)).toEqual([building, building]);
    st().commit('Brush', keep('desk-3'));
    expect(st().future).toEqual([]);
    expect(st().doc!.layers.map((l) => l.id)).toEqual(['desk-1', 'desk-3']);
    expect(st().toasts.at(-1)?.message).toBe('Your 2 steps on building.jpg are kept: Ctrl/⌘ Z goes back to them after this change.');
    // Ctrl/⌘ Z: this photo before the change, then building.jpg with its paid layer, then its opening.
    st().undo();
    expect(st().doc!.layers.map((l) => l.id)).toEqual(['desk-1']);
    st().undo();
    expect(st().doc!.id).toBe(building);
    expect(st().doc!.layers.map((l) => l.id)).toEqual(['paid']);
    st().undo();
    expect([st().doc!.id, st().doc!.layers.length]).toEqual([building, 0]);
    // desk's own redo step (desk-2) is gone, as any redo step after a change.
    const all = [...st().past, ...st().future].flatMap((s) => s.doc.layers.map((l) => l.id));
    expect(all).not.toContain('desk-2');
  });

  it('a change with only this photo’s redo steps ahead drops them silently, as before', () => {
    st().commit('Brush', keep('a'));
    st().undo();
    const toasts = st().toasts.length;
    st().commit('Brush', keep('b'));
    expect(st().future).toEqual([]);
    expect(st().past).toHaveLength(1);
    expect(st().toasts.length).toBe(toasts);
  });
});
