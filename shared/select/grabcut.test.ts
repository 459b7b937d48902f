import { describe, expect, it } from 'vitest';
import { Gmm, GMM_COMPONENTS, kmeansComponents } from './gmm';
import { grabCut, PROBABLY_FG, toRgbFloat } from './grabcut';
import { makeScene, iou } from './test-scenes';
import { subjectPrior } from './subject-prior';
import { dropSmallComponents } from './components';

describe('colour mixtures', () => {
  it('a model learnt from reds finds red likelier than blue', () => {
    const scene = makeScene({ width: 40, height: 40, shape: 'ellipse', fg: [200, 30, 30], bg: [30, 30, 200], box: [0, 0, 1, 1] });
    const rgb = toRgbFloat(scene.img);
    const idx = new Int32Array(1600);
    let n = 0;
    for (let p = 0; p < 1600; p++) if (scene.truth[p]) idx[n++] = p;
    const comp = new Uint8Array(1600);
    kmeansComponents(rgb, idx, n, GMM_COMPONENTS, comp);
    const g = new Gmm();
    g.learn(rgb, idx, n, comp);
    expect(g.negLogLikelihood(200, 30, 30)).toBeLessThan(g.negLogLikelihood(30, 30, 200) - 10);
  });
});

function rectTrimap(w: number, h: number, box: readonly [number, number, number, number]): Uint8Array {
  const t = new Uint8Array(w * h);
  for (let y = Math.floor(box[1] * h); y < Math.ceil(box[3] * h); y++)
    t.fill(PROBABLY_FG, y * w + Math.floor(box[0] * w), y * w + Math.ceil(box[2] * w));
  return t;
}

describe('GrabCut', () => {
  it('a rectangle around a star on a striped background gives the star (IoU > 0.95)', () => {
    const s = makeScene({ width: 160, height: 120, shape: 'star', fg: [210, 150, 40], bg: [60, 110, 90], stripes: 25, noise: 12 });
    const res = grabCut(s.img, { trimap: rectTrimap(160, 120, [0.25, 0.2, 0.75, 0.8]) });
    const sel = res.labels.map((v) => v * 255);
    expect(iou(sel, s.truth)).toBeGreaterThan(0.95);
    expect(res.iterations).toBeGreaterThan(1);
  });

  it('the rectangle alone is a worse answer than the cut (the test can fail)', () => {
    const s = makeScene({ width: 160, height: 120, shape: 'star', fg: [210, 150, 40], bg: [60, 110, 90], stripes: 25, noise: 12 });
    const t = rectTrimap(160, 120, [0.25, 0.2, 0.75, 0.8]);
    expect(
      iou(
        t.map((v) => (v ? 255 : 0)),
        s.truth,
      ),
    ).toBeLessThan(0.8);
  });

  it('throws when cancelled', () => {
    const s = makeScene({ width: 60, height: 60, shape: 'ellipse', fg: [200, 0, 0], bg: [0, 0, 200] });
    expect(() => grabCut(s.img, { trimap: rectTrimap(60, 60, [0.2, 0.2, 0.8, 0.8]), shouldStop: () => true })).toThrow('cancelled');
  });
});

describe('subject prior', () => {
  it('a product on a plain light background: the cut from the prior alone is clean (IoU > 0.97)', () => {
    const s = makeScene({
      width: 200,
      height: 160,
      shape: 'ellipse',
      fg: [40, 60, 150],
      bg: [235, 235, 232],
      noise: 4,
      box: [0.35, 0.2, 0.7, 0.85],
    });
    const sp = subjectPrior(s.img);
    const res = grabCut(s.img, { trimap: sp.trimap, prior: sp.prior, priorWeight: 1 });
    expect(
      iou(
        res.labels.map((v) => v * 255),
        s.truth,
      ),
    ).toBeGreaterThan(0.97);
  });
});

describe('subject prior and shadows', () => {
  it('a soft shadow on the backdrop is left out; a greyish product of another tint stays in', () => {
    const w = 240;
    const h = 180;
    const data = new Uint8Array(w * h * 4);
    const truth = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const p = y * w + x;
        const inObj = ((x - 120) / 40) ** 2 + ((y - 80) / 50) ** 2 <= 1;
        const sh = Math.exp(-(((x - 120) / 55) ** 2) - ((y - 132) / 8) ** 2);
        const k = 1 - 0.3 * sh;
        const c = inObj ? [187, 167, 181] : [245 * k, 250 * k, 242 * k];
        truth[p] = inObj ? 1 : 0;
        for (let q = 0; q < 3; q++) data[p * 4 + q] = Math.round(c[q] + ((x * 7 + y * 13 + q) % 5) - 2);
        data[p * 4 + 3] = 255;
      }
    }
    const img = { width: w, height: h, data };
    const sp = subjectPrior(img);
    const res = grabCut(img, { trimap: sp.trimap, prior: sp.prior, priorWeight: 1 });
    expect(
      iou(
        res.labels.map((v) => v * 255),
        truth,
      ),
    ).toBeGreaterThan(0.95);
  });
});

describe('components', () => {
  it('drops specks smaller than the fraction of the largest part', () => {
    const l = new Uint8Array(100);
    for (let p = 0; p < 30; p++) l[p] = 1;
    l[99] = 1;
    expect(dropSmallComponents(l, 10, 10, 0.1)).toBe(1);
    expect(l[99]).toBe(0);
    expect(l[5]).toBe(1);
  });
});
