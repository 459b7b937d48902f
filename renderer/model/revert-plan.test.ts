import { describe, expect, it } from 'vitest';
import { revertPlan } from './revert-plan';

const doc = (sourcePath?: string) => ({ id: 'd1', original: { name: 'coffee.png', ...(sourcePath ? { sourcePath } : {}) } });

describe('File › Revert', () => {
  it('reloads the project file of a project with unsaved changes', () => {
    expect(revertPlan({ doc: doc('/p/coffee.png'), project: { docId: 'd1', name: 'coffee.maskwork' }, unsaved: true })).toEqual({
      name: 'coffee.maskwork',
      from: 'project',
    });
  });

  it('reloads the image file of a photo never saved as a project, with changes', () => {
    expect(revertPlan({ doc: doc('/p/coffee.png'), project: null, unsaved: true })).toEqual({
      name: 'coffee.png',
      from: 'photo',
      path: '/p/coffee.png',
    });
    // Another document's project file is not this photo's.
    expect(revertPlan({ doc: doc('/p/coffee.png'), project: { docId: 'other', name: 'x.maskwork' }, unsaved: true })).toMatchObject({
      from: 'photo',
    });
  });

  it('is refused, and says why, with nothing to revert to', () => {
    expect(revertPlan({ doc: null, project: null, unsaved: false })).toEqual({
      refusal: 'Open a photo first: there is nothing to revert.',
    });
    expect(revertPlan({ doc: doc(), project: null, unsaved: true })).toEqual({
      refusal: 'coffee.png was never saved: there is no file to revert to. Save it as a project first (Ctrl/⌘ S).',
    });
    expect(revertPlan({ doc: doc('/p/coffee.png'), project: { docId: 'd1', name: 'coffee.maskwork' }, unsaved: false })).toEqual({
      refusal: 'coffee.maskwork has no unsaved changes: there is nothing to revert.',
    });
    expect(revertPlan({ doc: doc('/p/coffee.png'), project: null, unsaved: false })).toEqual({
      refusal: 'coffee.png has no changes since it was opened: there is nothing to revert.',
    });
  });

  it('with only words typed in the prompt box (the • in the title), says so: Revert does not take words back', () => {
    expect(revertPlan({ doc: doc('/p/coffee.png'), project: null, unsaved: false, promptChanged: true })).toEqual({
      refusal:
        'coffee.png has no changes since it was opened, only words typed in the prompt box (the •), which Revert does not take back: there is nothing to revert.',
    });
    expect(
      revertPlan({ doc: doc('/p/coffee.png'), project: { docId: 'd1', name: 'coffee.maskwork' }, unsaved: false, promptChanged: true }),
    ).toEqual({
      refusal:
        'coffee.maskwork has no unsaved changes, only words typed in the prompt box (the •), which Revert does not take back: there is nothing to revert.',
    });
  });
});
