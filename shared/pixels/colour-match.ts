/**
 * Colour match: a per-channel gain/offset (Reinhard-style mean/std transfer) that makes the
 * generated pixels agree with the original in a ring of known pixels around the hole, applied only
 * where the patch will show (alpha > 0). Gains are clamped so a bad ring cannot wreck the patch.
 */
export function matchColours(generated: Uint8Array, original: Uint8Array, ring: Uint8Array, alpha: Uint8Array): Uint8Array {
  const gs = [0, 0, 0], gq = [0, 0, 0], os = [0, 0, 0], oq = [0, 0, 0];
  let k = 0;
  for (let i = 0; i < ring.length; i++) {
    if (!ring[i]) continue;
    const q = i * 4;
    for (let c = 0; c < 3; c++) {
      const g = generated[q + c];
      const o = original[q + c];
      gs[c] += g;
      gq[c] += g * g;
      os[c] += o;
      oq[c] += o * o;
    }
    k++;
  }
  if (k < 16) return generated;
  const luts: Uint8Array[] = [];
  let identity = true;
  for (let c = 0; c < 3; c++) {
    const gm = gs[c] / k;
    const om = os[c] / k;
    const gsd = Math.sqrt(Math.max(0, gq[c] / k - gm * gm));
    const osd = Math.sqrt(Math.max(0, oq[c] / k - om * om));
    const gain = gsd > 1 ? Math.min(1.25, Math.max(0.8, osd / gsd)) : 1;
    const offset = om - gm * gain;
    const lut = new Uint8Array(256);
    for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(v * gain + offset)));
    if (Math.abs(gain - 1) >= 0.005 || Math.abs(offset) >= 0.5) identity = false;
    luts.push(lut);
  }
  if (identity) return generated;
  const out = new Uint8Array(generated);
  const [r, g, b] = luts;
  for (let i = 0; i < alpha.length; i++) {
    if (!alpha[i]) continue;
    const q = i * 4;
    out[q] = r[generated[q]];
    out[q + 1] = g[generated[q + 1]];
    out[q + 2] = b[generated[q + 2]];
  }
  return out;
}
