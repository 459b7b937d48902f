import { buildPyramid } from '../../shared/engine/pyramid';
import { cropToLayer, fillRegionFor, maskBounds } from '../../shared/engine/region';
import { loadMask, loadRgba, listPhotos } from './load';
for (const p of listPhotos()) {
  const img = await loadRgba(p.path);
  for (const kind of ['blob', 'box'] as const) {
    const mask = await loadMask(p.masks[kind], img.width, img.height);
    const b = maskBounds(mask, img.width, img.height)!; const rg = fillRegionFor(b, img.width, img.height);
    const lv = buildPyramid(cropToLayer(img, mask, rg), 3);
    console.log(p.name, kind, `${rg.width}x${rg.height}`, lv.map((l) => `${l.width}x${l.height}:t${l.targets.length}:s${l.sourceCount}`).join(' '));
  }
}
