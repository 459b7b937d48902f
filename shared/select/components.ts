/** Connected components of a binary label image (4-connected), to drop specks from a selection. */

/**
 * Clears every 4-connected object component smaller than `fraction` of the largest one (in place).
 * Returns the number of components kept.
 */
export function dropSmallComponents(labels: Uint8Array, w: number, h: number, fraction: number): number {
  const n = w * h;
  const id = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const stack: number[] = [];
  const visit = (q: number, c: number) => {
    if (labels[q] && id[q] < 0) {
      id[q] = c;
      stack.push(q);
    }
  };
  for (let p = 0; p < n; p++) {
    if (!labels[p] || id[p] >= 0) continue;
    const c = sizes.length;
    let size = 0;
    visit(p, c);
    while (stack.length) {
      const q = stack.pop() as number;
      size++;
      const x = q % w;
      if (x > 0) visit(q - 1, c);
      if (x < w - 1) visit(q + 1, c);
      if (q >= w) visit(q - w, c);
      if (q + w < n) visit(q + w, c);
    }
    sizes.push(size);
  }
  if (!sizes.length) return 0;
  const min = Math.max(...sizes) * fraction;
  let kept = 0;
  for (const s of sizes) if (s >= min) kept++;
  for (let p = 0; p < n; p++) if (labels[p] && sizes[id[p]] < min) labels[p] = 0;
  return kept;
}
