import { describe, expect, it } from 'vitest';
import { differingPart, pairDifferences, recallCeilings } from '../../bench/text/ceiling';
import { availableFonts } from '../../bench/text/render-text';

describe('text bench: recall ceiling', () => {
  it('takes the differing characters of a pair with one neighbour either side', () => {
    expect(differingPart('Size 11', 'Size l1')).toMatchObject({ a: ' 11', b: ' l1' });
    expect(differingPart('$24.50', '$24.5O')).toMatchObject({ a: '50', b: '5O' });
    expect(differingPart('Warm welcome', 'Warrn welcome')).toMatchObject({ a: 'rm ', b: 'rrn ' });
    expect(differingPart('V1.0', 'Vl.0')).toMatchObject({ a: 'V1.', b: 'Vl.' });
  });

  it('the same text is the same pixels, a 0 and an O are not; the ceiling counts only identical pairs', async () => {
    const fonts = availableFonts({ 'DejaVu Sans': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' });
    expect(fonts).toEqual(['DejaVu Sans']);
    const d = await pairDifferences(
      fonts,
      [20, 56],
      [
        ['V2.0', 'V2.0'],
        ['V2.0', 'V2.O'],
      ],
    );
    expect(d.filter((x) => x.miss === 'V2.0').every((x) => x.difference === 0)).toBe(true);
    expect(d.filter((x) => x.miss === 'V2.O').every((x) => x.difference > 0.05)).toBe(true);
    const c = recallCeilings(d);
    expect(c).toMatchObject({ pairs: 4, identical: 2, nearlyIdentical: 2, ceiling: 0.5, ceilingNearly: 0.5 });
  });
});
