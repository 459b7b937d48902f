/**
 * A mask of separate parts far apart → one region per group of nearby parts (an edit in "areas").
 *
 * One box around two spot-healing dabs in opposite corners of a 24 MP photo is the whole photo: a
 * cloud model gets it scaled down (the fill lands soft, at a fraction of the photo's resolution) and
 * the offline engine fills 24 MP for two dabs. Parts whose context boxes (the box plus the margin a
 * region keeps, {@link contextMargin}) touch or overlap are one group; each group is planned as its
 * own region and request. The edit is split only when that is better: the one box would be scaled
 * down where the groups are not, or it would be more than twice the groups' regions together (and,
 * for a paid model, the requests together cost no more than the one).
 */
import { estimateCost } from '../models/cost';
import { resolveModel } from '../models/catalog';
import type { Rect, Size } from './rect';
import { canvasRect, intersectRects, rectArea } from './rect';
import { contextMargin, planRegion, type MarginPolicy, type RegionFailure, type RegionInput, type RegionPlan } from './region';

/** At most this many areas (requests) per edit: more groups are joined, nearest first. */
export const MAX_AREAS = 8;

/** Above this many parts the mask is edited as one region (a speckled selection, not dabs). */
const MAX_PARTS = 400;

/** One box around all of `rects`. */
export function unionRects(rects: readonly Rect[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function contextBox(b: Rect, canvas: Size, margin?: Partial<MarginPolicy>): Rect {
  const m = contextMargin(b, margin);
  const grown = { x: b.x - m, y: b.y - m, width: b.width + 2 * m, height: b.height + 2 * m };
  return intersectRects(grown, canvasRect(canvas)) ?? b;
}

/** True when two rects overlap or touch. */
function touch(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** The groups' boxes after the cap and why (absent: nothing joined past the touching ones). */
export interface PartGroups {
  readonly groups: Rect[];
  /** How many groups there were before the cap joined them down to {@link MAX_AREAS}. */
  readonly capped?: number;
}

/**
 * Groups part boxes: parts whose context boxes touch are one group (and again, until no two groups'
 * context boxes touch); more than `max` groups are joined two at a time, the pair whose joint box
 * grows least first (then any box within the least margin of it). Each group is the box around its
 * parts; the boxes of two groups are always more than twice the least margin apart.
 */
export function groupParts(parts: readonly Rect[], canvas: Size, margin?: Partial<MarginPolicy>, max = MAX_AREAS): PartGroups {
  if (parts.length <= 1 || parts.length > MAX_PARTS) return { groups: parts.length ? [unionRects(parts)] : [] };
  let groups = parts.map((p) => ({ ...p }));
  // After the cap joins two groups, only boxes within the least margin of each other are joined
  // (the joined box's own, wider context would chain them all into one).
  const joinTouching = (least = false) => {
    const policy = least ? { ...margin, fraction: 0 } : margin;
    for (let changed = true; changed; ) {
      changed = false;
      const ctx = groups.map((g) => contextBox(g, canvas, policy));
      outer: for (let i = 0; i < groups.length; i++) {
        for (let j = i + 1; j < groups.length; j++) {
          if (!touch(ctx[i], ctx[j])) continue;
          groups[i] = unionRects([groups[i], groups[j]]);
          groups.splice(j, 1);
          changed = true;
          break outer;
        }
      }
    }
  };
  joinTouching();
  const before = groups.length;
  while (groups.length > max) {
    let best: [number, number] = [0, 1];
    let grow = Infinity;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const g = rectArea(unionRects([groups[i], groups[j]])) - rectArea(groups[i]) - rectArea(groups[j]);
        if (g < grow) {
          grow = g;
          best = [i, j];
        }
      }
    }
    groups[best[0]] = unionRects([groups[best[0]], groups[best[1]]]);
    groups.splice(best[1], 1);
    joinTouching(true);
  }
  groups = [...groups].sort((a, b) => a.y - b.y || a.x - b.x);
  return before > max ? { groups, capped: before } : { groups };
}

/** What to plan: the mask's part boxes (`bbox` is the box around them all). */
export interface RegionsInput extends RegionInput {
  readonly parts: readonly Rect[];
}

/** One region per area. `plans.length === 1`: the usual single region. */
export interface RegionsPlan {
  readonly ok: true;
  readonly plans: RegionPlan[];
  /** The mask box of each plan's group, in the order of `plans` (the single plan: `bbox`). */
  readonly groups: Rect[];
  /** More groups than {@link MAX_AREAS}: how many there were (nearby ones were joined). */
  readonly capped?: number;
  /**
   * One region only because the parts lay in more groups than {@link MAX_AREAS}: how many (each its
   * own area would have been better than one region; joined down to that many they were not). The
   * cost line says so (it fell back silently).
   */
  readonly overMax?: number;
}

/** Request px per region px below which a region counts as scaled down. */
const SCALED_DOWN = 0.98;

/**
 * Plans an edit as one region, or as one region per group of nearby parts when the parts lie far
 * apart (see the module comment for when). Fails only when the single region fails and splitting
 * does not help.
 */
export function planRegions(input: RegionsInput): RegionsPlan | RegionFailure {
  const whole = planRegion(input);
  const single = (): RegionsPlan | RegionFailure => (whole.ok ? { ok: true, plans: [whole], groups: [whole.bbox] } : whole);
  if (input.parts.length < 2) return single();
  const { groups, capped } = groupParts(input.parts, input.canvas, input.margin);
  if (groups.length < 2) return single();
  const split = planAll(input, groups);
  if (split && !whole.ok) return { ok: true, plans: split, groups, ...(capped ? { capped } : {}) };
  if (split && whole.ok && better(input, whole, split)) return { ok: true, plans: split, groups, ...(capped ? { capped } : {}) };
  if (!whole.ok || !capped) return single();
  // Joined down to MAX_AREAS the areas were no better; all of them would have been: the cap is why
  // the edit is one region, and the cost line says so (it dropped "areas" silently).
  const all = planAll(input, groupParts(input.parts, input.canvas, input.margin, Infinity).groups);
  return all && better(input, whole, all) ? { ok: true, plans: [whole], groups: [whole.bbox], overMax: capped } : single();
}

/** Each group planned as its own region, or null when one of them cannot be. */
function planAll(input: RegionsInput, groups: readonly Rect[]): RegionPlan[] | null {
  const plans: RegionPlan[] = [];
  for (const g of groups) {
    const p = planRegion({ ...input, bbox: g });
    if (!p.ok) return null;
    plans.push(p);
  }
  return plans;
}

/** Whether the areas' plans beat the one region (see the module comment). */
function better(input: RegionInput, whole: RegionPlan, plans: readonly RegionPlan[]): boolean {
  const scaledDown = whole.scale < SCALED_DOWN && plans.every((p) => p.scale > whole.scale);
  const area = (p: RegionPlan) => rectArea(p.frame ?? p.region);
  const larger = area(whole) > 2 * plans.reduce((t, p) => t + area(p), 0);
  return scaledDown || (larger && costOf(input, plans) <= costOf(input, [whole]) * (1 + 1e-9));
}

/** What the requests cost together (one image each; 0 for a free model). */
function costOf(input: RegionInput, plans: readonly RegionPlan[]): number {
  const spec = resolveModel(input.model);
  if (!spec || spec.pricing.kind === 'free') return 0;
  let usd = 0;
  for (const p of plans) {
    usd += estimateCost({
      modelId: spec,
      width: p.request.width,
      height: p.request.height,
      quality: input.quality,
      n: 1,
      imageSize: p.request.imageSize ?? input.imageSize,
    }).usd;
  }
  return usd;
}
