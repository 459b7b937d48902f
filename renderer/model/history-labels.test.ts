import { describe, expect, it } from 'vitest';
import { currentStepWords, distinctLabels } from './history-labels';

describe('distinctLabels', () => {
  it('counts a label that comes again, the first keeping its plain words', () => {
    expect(
      distinctLabels([
        'Open cups.jpg',
        'Brush stroke',
        'Keep GPT Image 2 result',
        'Brush stroke',
        'Keep GPT Image 2 result',
        'Keep Nano Banana 2 result',
        'Keep GPT Image 2 result',
      ]),
    ).toEqual([
      'Open cups.jpg',
      'Brush stroke',
      'Keep GPT Image 2 result',
      'Brush stroke (2)',
      'Keep GPT Image 2 result (2)',
      'Keep Nano Banana 2 result',
      'Keep GPT Image 2 result (3)',
    ]);
  });
  it('leaves a list with no repeats as it is', () => {
    expect(distinctLabels(['Open a.png', 'Invert mask'])).toEqual(['Open a.png', 'Invert mask']);
    expect(distinctLabels([])).toEqual([]);
  });
});

describe('currentStepWords', () => {
  const step = (label: string, id = 'a') => ({ label, doc: { id } });
  it("counts the current step among its document's steps, as the History panel does", () => {
    expect(currentStepWords([step('Open x.jpg'), step('Keep GPT Image 2 result')], 'Keep GPT Image 2 result', 'a')).toBe(
      'Keep GPT Image 2 result (2)',
    );
    expect(currentStepWords([step('Open x.jpg')], 'Rectangle', 'a')).toBe('Rectangle');
  });
  it("leaves out another photo's steps (History lists them apart)", () => {
    expect(currentStepWords([step('Rectangle', 'b'), step('Open x.jpg')], 'Rectangle', 'a')).toBe('Rectangle');
  });
});
