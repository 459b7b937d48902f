import { describe, expect, it } from 'vitest';
import { MaxFlowGraph } from './maxflow';
import { rng } from './test-scenes';

/** Brute force: the cheapest source side over all 2^n node subsets. */
function bruteMinCut(n: number, src: number[], snk: number[], edges: [number, number, number][]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << n; mask++) {
    let c = 0;
    for (let i = 0; i < n; i++) {
      const s = (mask >> i) & 1;
      c += s ? snk[i] : src[i];
    }
    for (const [i, j, w] of edges) if ((mask >> i) & 1 && !((mask >> j) & 1)) c += w;
    best = Math.min(best, c);
  }
  return best;
}

describe('Boykov–Kolmogorov max flow', () => {
  it('equals the brute-force minimum cut on 300 random graphs', () => {
    const rand = rng(11);
    for (let t = 0; t < 300; t++) {
      const n = 2 + Math.floor(rand() * 8);
      const src: number[] = [];
      const snk: number[] = [];
      const edges: [number, number, number][] = [];
      for (let i = 0; i < n; i++) {
        src.push(rand() < 0.5 ? Math.floor(rand() * 10) : 0);
        snk.push(rand() < 0.5 ? Math.floor(rand() * 10) : 0);
      }
      const g = new MaxFlowGraph(n, n * n);
      for (let i = 0; i < n; i++) g.addTerminal(i, src[i], snk[i]);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (rand() < 0.5) continue;
          const a = Math.floor(rand() * 8);
          const b = Math.floor(rand() * 8);
          g.addEdge(i, j, a, b);
          edges.push([i, j, a], [j, i, b]);
        }
      }
      const flow = g.maxflow();
      const cut = bruteMinCut(n, src, snk, edges);
      expect(flow).toBeCloseTo(cut, 9);
      // The reported cut has exactly the flow's cost.
      let c = 0;
      for (let i = 0; i < n; i++) c += g.isSource(i) ? snk[i] : src[i];
      for (const [i, j, w] of edges) if (g.isSource(i) && !g.isSource(j)) c += w;
      expect(c).toBeCloseTo(flow, 9);
    }
  });

  it('after reset, the same graph object cuts a new graph like a fresh one', () => {
    const rand = rng(5);
    const g = new MaxFlowGraph(9, 81);
    for (let t = 0; t < 100; t++) {
      g.reset();
      const n = 9;
      const src: number[] = [];
      const snk: number[] = [];
      const edges: [number, number, number][] = [];
      for (let i = 0; i < n; i++) {
        src.push(Math.floor(rand() * 10));
        snk.push(Math.floor(rand() * 10));
        g.addTerminal(i, src[i], snk[i]);
      }
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (rand() < 0.5) continue;
          const a = Math.floor(rand() * 8);
          g.addEdge(i, j, a, a);
          edges.push([i, j, a], [j, i, a]);
        }
      }
      expect(g.maxflow()).toBeCloseTo(bruteMinCut(n, src, snk, edges), 9);
    }
  });

  it('cuts a grid between a bright and a dark half along the weak edges', () => {
    const w = 30;
    const h = 20;
    const g = new MaxFlowGraph(w * h, 2 * w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const p = y * w + x;
        if (x === 0) g.addTerminal(p, 100, 0);
        if (x === w - 1) g.addTerminal(p, 0, 100);
        const weak = x === 17 ? 0.1 : 5;
        if (x + 1 < w) g.addEdge(p, p + 1, weak, weak);
        if (y + 1 < h) g.addEdge(p, p + w, 5, 5);
      }
    }
    expect(g.maxflow()).toBeCloseTo(0.1 * h, 9);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) expect(g.isSource(y * w + x)).toBe(x <= 17);
  });

  it('stops when asked', () => {
    const n = 200_000;
    const g = new MaxFlowGraph(n, n);
    for (let i = 0; i < n; i++) g.addTerminal(i, i % 2 ? 1 : 0, i % 2 ? 0 : 1);
    for (let i = 0; i + 1 < n; i++) g.addEdge(i, i + 1, 1, 1);
    expect(() => g.maxflow(() => true)).toThrow('cancelled');
  });
});
