/**
 * The selection benchmark's cases, with exact truth:
 * - composites: a rendered product (products.ts) on a real photo from the shared dev set (dev) or from
 *   bench/fill/photos/heldout (held back: never looked at while tuning);
 * - studio: the same products on plain paper backgrounds with a soft shadow (select subject must be clean);
 * - cut-outs: the irregular blob of one dev photo (its `mask-blob.png` from the shared MANIFEST) pasted
 *   onto another photo, so the object has real texture;
 * - real: real photos with hand-drawn truth polygons (truth/*.json);
 * - lifestyle: the product as the subject of a lifestyle shot — the same renders and photos, but placed
 *   large (40–60 % of the height) and near the centre, the way a product shot on location is framed.
 *   A separate group reported beside the composites, which stay as they are.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { rasterizePolygon } from '../../shared/mask';
import type { RgbaImage } from '../../shared/select';
import { rng } from '../../shared/select/test-scenes';
import { listExtraPhotos, listPhotos } from '../fill/load';
import { compositeProduct, PRODUCT_KINDS, randomLook, studioBackground, type Placement } from './products';

export interface SelectCase {
  name: string;
  group: 'composite' | 'studio' | 'cutout' | 'real' | 'lifestyle';
  set: 'dev' | 'heldout';
  img: RgbaImage;
  truth: Uint8Array;
}

export const BENCH_W = 1200;
export const BENCH_H = 800;

async function loadCover(path: string, w: number, h: number): Promise<Uint8Array> {
  const { data } = await sharp(path)
    .rotate()
    .resize(w, h, { fit: 'cover' })
    .removeAlpha()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new Uint8Array(data.buffer, data.byteOffset, data.length).slice();
}

function placement(seed: number, w: number, h: number): Placement {
  const r = rng(seed * 101 + 3);
  const hh = h * (0.18 + r() * 0.17);
  const hw = hh * (0.55 + r() * 0.5);
  return { cx: w * (0.3 + r() * 0.4), cy: h * (0.35 + r() * 0.3), hw, hh };
}

/** Lifestyle framing: the product 40–60 % of the photo's height, its centre within 8 % of the middle. */
function lifestylePlacement(seed: number, w: number, h: number): Placement {
  const r = rng(seed * 131 + 7);
  const hh = h * (0.2 + r() * 0.1);
  const hw = hh * (0.55 + r() * 0.5);
  return { cx: w * (0.42 + r() * 0.16), cy: h * (0.42 + r() * 0.16), hw, hh };
}

export async function compositeCases(
  set: 'dev' | 'heldout',
  limit: number,
  framing: 'composite' | 'lifestyle' = 'composite',
): Promise<SelectCase[]> {
  const photos = set === 'dev' ? listPhotos() : listExtraPhotos('heldout');
  const out: SelectCase[] = [];
  const lifestyle = framing === 'lifestyle';
  for (let i = 0; i < Math.min(limit, photos.length); i++) {
    const seed = (set === 'dev' ? 1 : 1001) + i + (lifestyle ? 500 : 0);
    const kind = PRODUCT_KINDS[(i + (set === 'dev' ? 0 : 3) + (lifestyle ? 2 : 0)) % PRODUCT_KINDS.length];
    const rgba = await loadCover(photos[i].path, BENCH_W, BENCH_H);
    const at = lifestyle ? lifestylePlacement(seed, BENCH_W, BENCH_H) : placement(seed, BENCH_W, BENCH_H);
    const truth = compositeProduct(rgba, BENCH_W, BENCH_H, randomLook(kind, seed), at, seed);
    out.push({
      name: `${kind} on ${photos[i].name}`,
      group: framing,
      set,
      img: { width: BENCH_W, height: BENCH_H, data: rgba },
      truth,
    });
  }
  return out;
}

export function studioCases(set: 'dev' | 'heldout', count: number): SelectCase[] {
  const out: SelectCase[] = [];
  for (let i = 0; i < count; i++) {
    const seed = (set === 'dev' ? 50 : 1050) + i;
    const kind = PRODUCT_KINDS[(i + (set === 'dev' ? 1 : 4)) % PRODUCT_KINDS.length];
    const at = placement(seed, BENCH_W, BENCH_H);
    const rgba = studioBackground(BENCH_W, BENCH_H, seed, at);
    const truth = compositeProduct(rgba, BENCH_W, BENCH_H, randomLook(kind, seed), at, seed);
    out.push({ name: `${kind}, studio ${i + 1}`, group: 'studio', set, img: { width: BENCH_W, height: BENCH_H, data: rgba }, truth });
  }
  return out;
}

export async function cutoutCases(limit: number): Promise<SelectCase[]> {
  const photos = listPhotos().filter((p) => p.masks.blob);
  const out: SelectCase[] = [];
  for (let i = 0; i < Math.min(limit, photos.length - 1); i++) {
    const a = photos[i];
    const b = photos[(i + 5) % photos.length];
    const fg = await loadCover(a.path, BENCH_W, BENCH_H);
    const { data: m } = await sharp(a.masks.blob)
      .resize(BENCH_W, BENCH_H, { fit: 'cover', kernel: 'nearest' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const rgba = await loadCover(b.path, BENCH_W, BENCH_H);
    const truth = new Uint8Array(BENCH_W * BENCH_H);
    for (let p = 0; p < truth.length; p++) {
      if (m[p] < 128) continue;
      truth[p] = 1;
      rgba.set(fg.subarray(p * 4, p * 4 + 4), p * 4);
    }
    out.push({
      name: `${a.name} blob on ${b.name}`,
      group: 'cutout',
      set: 'dev',
      img: { width: BENCH_W, height: BENCH_H, data: rgba },
      truth,
    });
  }
  return out;
}

/** Real photos with hand-drawn truth: `truth/NAME.json` = { photo, polygons: [[x, y], ...][] } in the photo's px. */
export async function realCases(root = join(process.cwd(), 'bench', 'select', 'truth')): Promise<SelectCase[]> {
  if (!existsSync(root)) return [];
  const out: SelectCase[] = [];
  for (const f of readdirSync(root)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const spec = JSON.parse(readFileSync(join(root, f), 'utf8')) as {
      photo: string;
      set: 'dev' | 'heldout';
      polygons: [number, number][][];
    };
    const path = join(process.cwd(), spec.photo);
    const { data, info } = await sharp(path).rotate().removeAlpha().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const truth = new Uint8Array(info.width * info.height);
    for (const poly of spec.polygons) {
      const cov = rasterizePolygon(
        poly.map(([x, y]) => ({ x, y })),
        { antialias: false },
      );
      for (let y = 0; y < cov.rect.height; y++) {
        for (let x = 0; x < cov.rect.width; x++) {
          const gx = cov.rect.x + x;
          const gy = cov.rect.y + y;
          if (gx >= 0 && gy >= 0 && gx < info.width && gy < info.height && cov.data[y * cov.rect.width + x] >= 128)
            truth[gy * info.width + gx] = 1;
        }
      }
    }
    out.push({
      name: f.replace(/\.json$/, ''),
      group: 'real',
      set: spec.set,
      img: { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length).slice() },
      truth,
    });
  }
  return out;
}
