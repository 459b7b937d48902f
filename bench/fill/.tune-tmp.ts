// usage: TUNE='{"wta":1}' node scripts/run-ts.mjs bench/fill/.tune-tmp.ts [names...]
(globalThis as any).__FILL_TUNE = JSON.parse(process.env.TUNE ?? '{}');
const { inpaint, diffusionFill, textureScore, seamScore, psnrInMask, maskBounds, fillRegionFor } = await import('../../shared/engine');
const { loadMask, loadRgba, listPhotos } = await import('./load');
const names = process.argv.slice(2);
const photos = listPhotos().filter((p) => names.length ? names.includes(p.name) : true);
const agg: Record<string, number[][]> = {};
let tt = 0, tmp = 0;
for (const p of photos) {
  const img = await loadRgba(p.path);
  if (!names.length && img.width * img.height > 1e6) continue;
  for (const kind of ['blob', 'box', 'thin'] as const) {
    const mask = await loadMask(p.masks[kind], img.width, img.height);
    const b = maskBounds(mask, img.width, img.height)!; const rg = fillRegionFor(b, img.width, img.height);
    const t0 = performance.now();
    const out = inpaint(img, mask, { seed: 1 });
    const t = (performance.now() - t0) / 1000; tt += t; tmp += rg.width * rg.height / 1e6;
    const d = diffusionFill(img, mask);
    const row = [psnrInMask(out, img, mask) - psnrInMask(d, img, mask), seamScore(out, img, mask) / seamScore(d, img, mask), textureScore(out, img, mask), t / (rg.width * rg.height / 1e6)];
    (agg[kind] ??= []).push(row);
    if (process.env.V) console.log(p.name, kind, row.map((x) => x.toFixed(2)).join(' '));
  }
}
for (const [k, rows] of Object.entries(agg)) {
  const m = rows[0].map((_, i) => rows.reduce((a, r) => a + r[i], 0) / rows.length);
  console.log(k.padEnd(5), 'dPSNR', m[0].toFixed(2), 'seamRatio', m[1].toFixed(2), 'tex', m[2].toFixed(2), 's/MP', m[3].toFixed(2));
}
console.log('total s/MP', (tt / tmp).toFixed(2));
