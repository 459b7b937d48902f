import { describe, expect, it } from 'vitest';
import { openQuestion } from './open-question';

describe('openQuestion', () => {
  it('asks one question when a job runs and the project has unsaved changes', () => {
    expect(openQuestion({ job: true, unsaved: true, sameProject: false })).toBe('both');
  });
  it('asks nothing when the project already open is chosen with nothing unsaved, job or not', () => {
    expect(openQuestion({ job: true, unsaved: false, sameProject: true })).toBe('already-open');
    expect(openQuestion({ job: false, unsaved: false, sameProject: true })).toBe('already-open');
  });
  it('asks nothing either when the project already open has unsaved changes: it stays open as it is (nothing reverted)', () => {
    expect(openQuestion({ job: false, unsaved: true, sameProject: true })).toBe('already-open');
    expect(openQuestion({ job: true, unsaved: true, sameProject: true })).toBe('already-open');
  });
  it('asks about the job or the changes alone when only one applies', () => {
    expect(openQuestion({ job: true, unsaved: false, sameProject: false })).toBe('job');
    expect(openQuestion({ job: false, unsaved: true, sameProject: false })).toBe('unsaved');
    expect(openQuestion({ job: false, unsaved: false, sameProject: false })).toBe('none');
  });
});
