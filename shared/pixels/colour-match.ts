/**
 * Colour match: a per-channel gain/offset (Reinhard-style mean/std transfer) that makes the
 * generated pixels agree with the original in a ring of known pixels around the hole, applied only
 * where the patch will show (alpha > 0). Gains are clamped so a bad ring cannot wreck the patch.
 */
export function matchColours(generated: Uint8Array, original: Uint8Array, ring: Uint8Array, alpha: Uint8Array): Uint8Array {
  const stats = (buf: Uint8Array, c: number) => {
    let sum = 0;
    let sq = 0;
    let k = 0;
    for (let i = 0; i < ring.length; i++) {
      if (!ring[i]) continue;
      const v = buf[i * 4 + c];
      sum += v;
      sq += v * v;
      k++;
    }
    if (k < 16) return null;
    const mean = sum / k;
    return { mean, std: Math.sqrt(Math.max(0, sq / k - mean * mean)) };
  };
  const out = new Uint8Array(generated);
  for (let c = 0; c < 3; c++) {
    const g = stats(generated, c);
    const o = stats(original, c);
    if (!g || !o) continue;
    const gain = g.std > 1 ? Math.min(1.25, Math.max(0.8, o.std / g.std)) : 1;
    const offset = o.mean - g.mean * gain;
    if (Math.abs(gain - 1) < 0.005 && Math.abs(offset) < 0.5) continue;
    for (let i = 0; i < alpha.length; i++) {
      if (!alpha[i]) continue;
      const q = i * 4 + c;
      out[q] = Math.max(0, Math.min(255, Math.round(generated[q] * gain + offset)));
    }
  }
  return out;
}
