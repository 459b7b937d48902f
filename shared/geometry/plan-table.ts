/**
 * The outpaint bench table: for each aspect preset and model, how many requests a centred
 * extension takes and what it costs. `npm run bench` prints it; the UI can show the same numbers
 * next to the preset buttons.
 */

import { resolveModel } from '../models/catalog';
import { estimateCost } from '../models/cost';
import type { ModelRef, Quality } from '../models/model-types';
import type { Size } from './rect';
import type { AspectPreset, ExtendAnchor } from './outpaint-extend';
import { ASPECT_PRESETS, extendToAspect, originalRect } from './outpaint-extend';
import { planOutpaint } from './outpaint-plan';
import { formatUsd } from '../money';

/** One cell of the table. */
export interface PlanTableRow {
  readonly preset: AspectPreset;
  /** Model id. */
  readonly model: string;
  /** Requests (tiles) the plan sends; `null` when no plan exists. */
  readonly requests: number | null;
  /** Estimated USD for one candidate per tile (`n` = 1); `null` when no plan exists. */
  readonly costUsd: number | null;
  /** Why there is no plan. */
  readonly error?: string;
}

/** Options for {@link planTable}. */
export interface PlanTableOptions {
  /** Where the original stays; default `'centre'`. */
  readonly anchor?: ExtendAnchor;
  /** Quality priced for OpenAI models; default `'medium'`. */
  readonly quality?: Quality;
}

/**
 * Plans every preset for every model from one original.
 * @param original - original image size (px).
 * @param models - ids or specs, e.g. `offeredModels()`.
 */
export function planTable(original: Size, models: readonly ModelRef[], opts: PlanTableOptions = {}): PlanTableRow[] {
  const rows: PlanTableRow[] = [];
  const quality = opts.quality ?? 'medium';
  for (const preset of ASPECT_PRESETS) {
    const ext = extendToAspect(original, preset, opts.anchor ?? 'centre');
    for (const model of models) {
      const id = resolveModel(model)?.id ?? String(model);
      const plan = planOutpaint({ canvas: ext.canvas, original: originalRect(original, ext), model, quality });
      if (!plan.ok) {
        rows.push({ preset, model: id, requests: null, costUsd: null, error: plan.reason });
        continue;
      }
      const costUsd = plan.tiles.reduce(
        (sum, t) =>
          sum +
          estimateCost({ modelId: model, width: t.request.width, height: t.request.height, quality, n: 1, imageSize: t.request.imageSize })
            .usd,
        0,
      );
      rows.push({ preset, model: id, requests: plan.tiles.length, costUsd: Math.round(costUsd * 1e4) / 1e4 });
    }
  }
  return rows;
}

/** Renders rows as a Markdown table: presets down, models across, cells "requests · $cost". */
export function formatPlanTable(rows: readonly PlanTableRow[]): string {
  const models = [...new Set(rows.map((r) => r.model))];
  const presets = [...new Set(rows.map((r) => r.preset))];
  const lines = [`| preset | ${models.join(' | ')} |`, `|---|${models.map(() => '---').join('|')}|`];
  for (const preset of presets) {
    const cells = models.map((m) => {
      const r = rows.find((x) => x.preset === preset && x.model === m);
      return !r || r.requests === null ? '—' : `${r.requests} · ${formatUsd(r.costUsd ?? 0)}`;
    });
    lines.push(`| ${preset} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
