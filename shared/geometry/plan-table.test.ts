import { describe, expect, it } from 'vitest';
import { offeredModels } from '../models/catalog';
import { ASPECT_PRESETS } from './outpaint-extend';
import { formatPlanTable, planTable } from './plan-table';

const MODELS = offeredModels().map((m) => m.id);

describe('planTable from a 1000×1000 original', () => {
  const rows = planTable({ width: 1000, height: 1000 }, MODELS);

  it('has one row per preset and model, all planned', () => {
    expect(rows).toHaveLength(ASPECT_PRESETS.length * MODELS.length);
    expect(rows.every((r) => r.requests !== null && r.error === undefined)).toBe(true);
  });

  it('needs no request for 1:1 and nothing costs money locally', () => {
    expect(rows.filter((r) => r.preset === '1:1').every((r) => r.requests === 0 && r.costUsd === 0)).toBe(true);
    expect(rows.filter((r) => r.model === 'local').every((r) => r.costUsd === 0 && (r.requests ?? 0) <= 1)).toBe(true);
  });

  it('matches the hand-checked counts', () => {
    const at = (preset: string, model: string): number | null | undefined =>
      rows.find((r) => r.preset === preset && r.model === model)?.requests;
    expect(at('8:1', 'gpt-image-2')).toBe(4);
    expect(at('3:1', 'gpt-image-2')).toBe(1);
    expect(at('4:1', 'gpt-image-2')).toBe(2);
    expect(at('4:1', 'gemini-3.1-flash-image')).toBe(1);
    expect(at('3:2', 'gpt-image-1.5')).toBe(1);
    expect(at('8:1', 'gpt-image-1.5')).toBe(7);
  });

  it('prices gpt-image-2 tiles from the size table plus inputs', () => {
    const row = rows.find((r) => r.preset === '3:1' && r.model === 'gpt-image-2');
    // One 3000×1000 tile → a 3:1 request of ≤ 3,686,400 px at medium quality: a few cents.
    expect(row?.costUsd).toBeGreaterThan(0.05);
    expect(row?.costUsd).toBeLessThan(0.2);
  });

  it('formats as a Markdown table with presets down and models across', () => {
    const text = formatPlanTable(rows);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`| preset | ${MODELS.join(' | ')} |`);
    expect(lines).toHaveLength(2 + ASPECT_PRESETS.length);
    expect(lines.find((l) => l.startsWith('| 8:1 |'))).toMatch(/^\| 8:1 \| 4 · \$/);
  });
});

describe('planTable failures', () => {
  it('reports a retired model as a row with an error instead of throwing', () => {
    const rows = planTable({ width: 1000, height: 1000 }, ['gpt-image-1']);
    expect(rows.every((r) => r.requests === null && /shut down/.test(r.error ?? ''))).toBe(true);
  });
});
