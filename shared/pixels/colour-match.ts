/**
 * Colour match: a per-channel gain/offset (Reinhard-style mean/std transfer) that makes the
 * generated pixels agree with the original in a ring of known pixels around the hole, applied only
 * where the patch will show (alpha > 0). Gains are clamped so a bad ring cannot wreck the patch.
 * Returns one 256-entry lookup table per channel; `ring` lists pixel indices.
 */
export function colourLuts(generated: Uint8Array, original: Uint8Array, ring: Uint32Array): Uint8Array[] {
  const gs = [0, 0, 0],
    gq = [0, 0, 0],
    os = [0, 0, 0],
    oq = [0, 0, 0];
  let k = 0;
  for (let j = 0; j < ring.length; j++) {
    const q = ring[j] * 4;
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
  const luts: Uint8Array[] = [];
  if (k < 16) {
    for (let c = 0; c < 3; c++) luts.push(Uint8Array.from({ length: 256 }, (_, i) => i));
    return luts;
  }
  for (let c = 0; c < 3; c++) {
    const gm = gs[c] / k;
    const om = os[c] / k;
    const gsd = Math.sqrt(Math.max(0, gq[c] / k - gm * gm));
    const osd = Math.sqrt(Math.max(0, oq[c] / k - om * om));
    const gain = gsd > 1 ? Math.min(1.25, Math.max(0.8, osd / gsd)) : 1;
    const offset = om - gm * gain;
    const lut = new Uint8Array(256);
    for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(v * gain + offset)));
    luts.push(lut);
  }
  return luts;
}
