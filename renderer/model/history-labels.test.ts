import { describe, expect, it } from 'vitest';
import { distinctLabels } from './history-labels';

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
