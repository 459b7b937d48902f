/**
 * Exemplar-based content-aware fill ("local" model): PatchMatch search inside a Wexler-style
 * iterative completion, run coarse to fine over a region around the hole. See README.md.
 */
import { harmonicFillLayer } from './diffusion';
import { LANE_MIN_TARGETS, splitPasses, type FillLanes } from './lanes';
import { extendLayer, extensionPlan } from './extend';
import { patchMatchPass, randomNnf, refreshDistances, SEARCH_TICK, upsampleNnf } from './patchmatch';
import { buildPyramid, makeLevel, type Level } from './pyramid';
import { deriveSeed, mulberry32, type Rng } from './random';
import { countHoles, cropToLayer, fillRegionFor, maskBounds, pasteHole, type Layer } from './region';
import { finishFill } from './seam';
import { bestSources, meldToSources, relaxToSources } from './gradient-relax';
import { softenSeam } from './seam-soften';
import { assertImageAndMask, copyImage, FillCancelledError, type FillOptions, type RgbaImage } from './types';
import { computeWeights, DEFAULT_WEIGHTING, gatherVote, holePixels, VOTE_TICK, writePixels, type VoteWeighting } from './vote';
import { upsampleLevelImage } from './upsample';
import { occurrencePass } from './occurrence';
import { MELD_CUT } from './meld-cut';
import { addTextureChannel, dropTextureChannel, TEXTURE_MIN_LEVEL } from './texture-channel';

/** Default patch side. */
const DEFAULT_PATCH = 7;
/**
 * Default EM iterations at the finest level. One is enough there: the field arrives already
 * coherent from the coarser level, and more iterations changed the bench scores by < 0.1 dB.
 */
const DEFAULT_ITERATIONS = 1;
/**
 * Extra EM iterations per level above the finest. 0: the structure now comes from the membrane
 * (see seam.ts) and the texture feature (texture-channel.ts), and more coarse iterations only
 * converged the field towards flat sources (blob texture 0.83 with 1 extra per level, 0.94 with
 * none; PSNR within 0.05 dB; ~20 % faster). With the saturated feature, 1 extra on its levels only
 * made some fills more coherent (colorful-cups' rims) and others copy objects (coffee's cup into
 * its wood, a letter stroke into gimp-splash's moss).
 */
const EXTRA_ITERATIONS_PER_LEVEL = 0;
/** Cap on EM iterations at any level. */
const MAX_LEVEL_ITERATIONS = 12;
/**
 * Gauss–Seidel sweeps of the relaxation towards the sources' steps (gradient-relax.ts) when the
 * finish would amplify the vote's detail: 10 and 30 gave the same dev figures to ±0.02 dB and looked
 * alike on bokeh-dandelion (30 a little smoother); each sweep costs about one pass over the hole.
 */
const RELAX_SWEEPS = 10;
/**
 * The meld (the relaxation to convergence, on smooth backgrounds: meld-finish.ts) stops when its
 * residual is 0.1 % of the start's: 9 multigrid-preconditioned conjugate-gradient iterations on
 * bokeh-dandelion's box hole (meld-cg.ts; 6–9 on the bench's melded fills). Until 2026-12-07 it stopped
 * at 1 % with a diagonal preconditioner (89 iterations there, 13 grey levels mean from the converged
 * blend; 0.1 % took 397); 2 % / 4 % then brought faint region borders back (dandelion blob −0.8 / −1.4 dB).
 */
const MELD_TOLERANCE = 1e-3;
const MELD_MAX_ITERATIONS = 60;
/**
 * Occurrence penalty (occurrence.ts) on the levels from OCCURRENCE_MIN_LEVEL up (8× coarser than the
 * region and more: where the two coarsest levels search the whole region and the hole's layout is
 * chosen): a source area used more than twice pays this × the level's mean patch distance × its
 * relative over-use. Without it the coarse search stamped one distinctive piece over the whole hole:
 * foliage-branch's box got a grid of the dragonfly's white wing edges. From level 1 or 2 up it
 * brought over-textured boxes (chelsea) towards their truth and the dev box set's mean texture below
 * the goal's 0.85; with one free copy it pushed scarce textures out (autumn-valley's larches); at 0.5
 * (or 0.25) seed 6 (or 2, 3, 8) copied a piece of a coin into desk-stuff's edge hole
 * (edge-hole-photos.test.ts; without the penalty seeds 1–8 copy none): docs/benchmarks.md, helper B8.
 */
const OCCURRENCE_WEIGHT = 1;
const OCCURRENCE_MIN_LEVEL = 3;
/** PatchMatch sweeps per EM iteration. */
const SWEEPS = 1;
/** Random-search radius below the two coarsest levels, in patch sides (those search everywhere). */
const FINE_SEARCH_PATCHES = 1;
/**
 * Levels (from the finest) that compare every other patch row and column during search (16 of 49
 * pixels). Columns too since 2026-12-02 (rows only before): 36 quick blob/box fills, dev PSNR / seam /
 * texture within ±0.02 / 0.01 / 0.002 (blob 17.42 → 17.44, box seam 1.509 → 1.504), ≈ 10 % less CPU.
 */
const ROW_SKIP_LEVELS = 2;
/** Vote weighting: border confidence γ = 2, σ² = 75th-percentile distance (Wexler's choice). */
const WEIGHTING: VoteWeighting = { ...DEFAULT_WEIGHTING, gamma: 2 };
/**
 * Levels with more target patches than this skip the PatchMatch search: the field lifted from the
 * coarser level (already searched, and coherent) only votes, so the full-resolution pixels are
 * still copied from real sources. Keeps very large fills (long outpaints: millions of targets) to
 * a few seconds; below it every level is searched.
 */
const SEARCH_TARGET_LIMIT = 1_500_000;
/** On those levels the vote also only takes every third patch in each direction (9 of 49 for 7×7). */
const UNSEARCHED_VOTE_STRIDE = 3;
/**
 * The seed vote (the lifted field voting a finer level's first image) takes every third patch in
 * each direction (9 of 49 for 7×7): it only starts the level's search, which then re-votes with
 * every patch. Measured on the bench (blob + box, dev and held-back): PSNR, seam and texture within
 * ±0.1 of voting with all 49 (dev blob texture 0.844 → 0.854, dev box seam 2.82 → 2.90), ~12 % less CPU.
 */
const SEED_VOTE_STRIDE = 3;
/** Weighting for the first vote on a level, before any distances exist: border confidence only. */
const SEED_WEIGHTING: VoteWeighting = { ...WEIGHTING, sigmaScale: Infinity };

/** Normalised, clamped settings derived from {@link FillOptions}. */
interface Settings {
  seed: number;
  radius: number;
  iterations: number;
  progress: (f: number) => void;
  checkCancel: () => void;
  lanes?: FillLanes;
}

function settingsFrom(opts: FillOptions): Settings {
  const side = Math.max(3, Math.floor(opts.patchSize ?? DEFAULT_PATCH));
  const iterations = Math.max(1, Math.floor(opts.iterations ?? DEFAULT_ITERATIONS));
  let last = 0;
  const onProgress = opts.onProgress;
  const shouldCancel = opts.shouldCancel;
  return {
    seed: opts.seed ?? 1,
    lanes: opts.lanes,
    radius: side >> 1,
    iterations,
    progress: (f: number) => {
      const v = Math.min(1, Math.max(last, f));
      last = v;
      onProgress?.(v);
    },
    checkCancel: () => {
      if (shouldCancel?.()) throw new FillCancelledError();
    },
  };
}

/**
 * Fills the hole of `image` (pixels where `mask > 127`) with texture copied from the rest of
 * the image. Only a region around the hole is processed ({@link fillRegionFor}); the result is
 * a full-size copy in which ONLY hole pixels differ from the input.
 *
 * Degenerate inputs never throw: an empty mask returns a copy; a hole with no usable source
 * patches falls back to smaller patches and finally to a harmonic (diffusion) fill; a mask
 * covering the whole image fills it with neutral grey (128, 128, 128, 255).
 *
 * @param image - RGBA source (not modified)
 * @param mask - one byte per pixel, same size as `image`; `> 127` marks the hole
 * @param opts - seed, patch size, iterations, progress and cancellation
 * @throws FillCancelledError when `opts.shouldCancel` returns true
 * @throws RangeError when sizes do not match
 */
export function inpaint(image: RgbaImage, mask: Uint8Array, opts: FillOptions = {}): RgbaImage {
  assertImageAndMask(image, mask);
  const s = settingsFrom(opts);
  s.checkCancel();
  s.progress(0.0001);
  const out = copyImage(image);
  // Copy, bounds, crop and paste report progress too: on a long extension each is a noticeable step.
  s.progress(0.0002);
  const bounds = maskBounds(mask, image.width, image.height, (f) => s.progress(0.0002 + 0.0002 * f));
  if (bounds) {
    const rect = fillRegionFor(bounds, image.width, image.height, 2 * s.radius + 1);
    const layer = cropToLayer(image, mask, rect, (f) => s.progress(0.0004 + 0.0006 * f));
    fillLayer(layer, s);
    pasteHole(out, layer, rect, (f) => s.progress(0.99 + 0.009 * f));
  }
  s.progress(1);
  return out;
}

/** Fills `layer`'s hole in place. */
function fillLayer(layer: Layer, s: Settings): void {
  // Large outpaints / extensions: reduced-scale synthesis + full-resolution copy (extend.ts).
  let steps = 0;
  const plan = extensionPlan(layer, () => s.progress(0.001 + 0.00001 * ++steps));
  if (plan && extendLayer(layer, plan, s.seed, (f) => s.progress(0.002 + 0.988 * f), s.checkCancel)) {
    softenSeam(layer);
    return;
  }
  const textured = addTextureChannel(layer);
  try {
    fillByExemplar(layer, s, textured);
  } finally {
    if (textured) dropTextureChannel(layer);
  }
}

/** The exemplar fill (steps 2–7 of README.md); `textured`: the alpha slot holds the texture feature. */
function fillByExemplar(layer: Layer, s: Settings, textured: boolean): void {
  // Shrink the patch until some fully-known patch exists; otherwise only diffusion can help.
  let r = s.radius;
  let finest = makeLevel(layer, r);
  while (finest.sourceCount === 0 && --r >= 1) finest = makeLevel(layer, r);
  if (r < 1) {
    harmonicFillLayer(layer);
    return;
  }
  const levels = buildPyramid(finest, r);
  const coarsest = levels.length - 1;
  // The feature from level TEXTURE_MIN_LEVEL up, when that is not the coarsest level alone (a small region).
  for (let l = 0; l <= coarsest; l++) levels[l].texture = textured && l >= TEXTURE_MIN_LEVEL && coarsest > TEXTURE_MIN_LEVEL;
  const itersAt = (l: number) => Math.min(MAX_LEVEL_ITERATIONS, s.iterations + EXTRA_ITERATIONS_PER_LEVEL * l);
  const searched = (l: number) => l === coarsest || levels[l].targets.length <= SEARCH_TARGET_LIMIT;
  // Progress units: searched target patches, voted hole pixels and (finest level) the finish.
  const holesAt = levels.map((lv) => countHoles(lv.hole));
  let total = holesAt[0];
  for (let l = 0; l <= coarsest; l++) {
    const it = itersAt(l);
    total += (searched(l) ? it * levels[l].targets.length : 0) + (it + (l < coarsest ? 1 : 0)) * holesAt[l];
  }
  let done = 0;
  const tick = (units: number) => {
    done += units;
    s.progress((0.99 * done) / total);
    s.checkCancel();
  };

  // Coarsest level: smooth membrane guess, then a random field refined by EM.
  harmonicFillLayer(levels[coarsest]);
  s.checkCancel();
  let nnf: Int32Array = new Int32Array(0);
  for (let l = coarsest; l >= 0; l--) {
    const level = levels[l];
    const rng = mulberry32(deriveSeed(s.seed, l));
    if (l < ROW_SKIP_LEVELS) level.rowStep = 2;
    nnf = l === coarsest ? randomNnf(level, rng) : upsampleNnf(level, levels[l + 1], nnf, rng);
    const searchRadius =
      l >= coarsest - 1
        ? Math.max(level.width, level.height)
        : Math.min(Math.max(level.width, level.height), FINE_SEARCH_PATCHES * (2 * r + 1));
    // The level's final field (with lanes it lives on a shared copy): the next level lifts it.
    nnf = runLevel(
      level,
      r,
      nnf,
      l === coarsest ? null : levels[l + 1],
      itersAt(l),
      l === 0,
      searched(l) ? searchRadius : 0,
      rng,
      tick,
      holesAt[l],
      s.lanes,
      l >= OCCURRENCE_MIN_LEVEL ? OCCURRENCE_WEIGHT : 0,
    );
  }
  softenSeam(layer);
}

/**
 * EM at one level: search (PatchMatch) then vote, `iters` times; returns the level's final field. On the finest level the last
 * vote copies the single most trusted source pixel deep inside the hole (keeps texture sharp),
 * then {@link finishFill} keeps only its detail and adds the Poisson membrane (structure + seam).
 */
function runLevel(
  level: Level,
  r: number,
  nnf: Int32Array,
  coarser: Level | null,
  iters: number,
  finest: boolean,
  searchRadius: number,
  rng: Rng,
  tick: (units: number) => void,
  holeCount: number,
  lanes?: FillLanes,
  occurrence = 0,
): Int32Array {
  const n = level.targets.length;
  const voteTick = () => tick(VOTE_TICK);
  const searchTick = () => tick(SEARCH_TICK);
  const norm = new Float64Array(n);
  const holes = holePixels(level);
  const ownPix = level.pix; // the layer's pixels (with lanes, the level works on a shared copy)
  // A large level's passes run in fixed chunks, on two threads when the host gives lanes (lanes.ts).
  const split = n >= LANE_MIN_TARGETS ? splitPasses(level, r, nnf, holes, lanes) : null;
  if (split) nnf = split.state.nnf;
  const dist = split ? split.state.dist : new Float32Array(n);
  const weights = split ? split.state.weights : new Float64Array(n);
  const voted = split ? split.state.voted : new Float32Array(holes.length * 4);
  const vote = (winnerDepth: number, stride: number) => {
    if (split) split.vote(winnerDepth, stride, tick);
    else {
      gatherVote(level, r, nnf, weights, holes, voted, winnerDepth, voteTick, stride);
      tick(holeCount % VOTE_TICK);
    }
    writePixels(level, holes, voted);
  };
  if (coarser) {
    // Seed by voting with the lifted field: real source detail rather than an interpolated
    // (blurred) coarse image, so the first search does not lock onto flat patches.
    upsampleLevelImage(level, coarser);
    computeWeights(level, r, dist, SEED_WEIGHTING, weights, norm);
    vote(Infinity, level.targets.length > SEARCH_TARGET_LIMIT ? UNSEARCHED_VOTE_STRIDE : SEED_VOTE_STRIDE);
  }
  for (let it = 0; it < iters; it++) {
    if (split) split.refresh();
    else refreshDistances(level, r, nnf, dist);
    // searchRadius 0: no search on this level (see SEARCH_TARGET_LIMIT), the lifted field only votes.
    if (searchRadius > 0) {
      for (let sweep = 0; sweep < SWEEPS; sweep++) {
        const reverse = (it + sweep) % 2 === 1;
        if (split) split.search(reverse, searchRadius, rng.int(0x7fffffff), tick);
        else if (occurrence > 0) occurrencePass(level, r, nnf, dist, rng, reverse, searchRadius, searchTick, occurrence);
        else patchMatchPass(level, r, nnf, dist, rng, reverse, searchRadius, searchTick);
      }
      if (!split) tick(n % SEARCH_TICK);
    }
    computeWeights(level, r, dist, WEIGHTING, weights, norm);
    const last = finest && it === iters - 1;
    vote(last ? r : Infinity, searchRadius > 0 ? 1 : UNSEARCHED_VOTE_STRIDE);
  }
  if (finest) {
    let maxDepth = 0;
    for (const p of holes) if (level.depth[p] > maxDepth) maxDepth = level.depth[p];
    const relax = (converge: boolean) => {
      const src = bestSources(level, r, nnf, weights, holes);
      if (converge) meldToSources(level, holes, src, MELD_MAX_ITERATIONS, MELD_TOLERANCE, MELD_CUT);
      else relaxToSources(level, holes, src, RELAX_SWEEPS);
    };
    finishFill(level, holeCount, tick, maxDepth, split?.blurSides, relax);
  }
  if (level.pix !== ownPix) ownPix.set(level.pix);
  return nnf;
}
