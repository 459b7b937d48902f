/**
 * Project save/open: the 24 MP photo with 20 kept versions (each a ~1 MP RGBA patch and its layer)
 * and 100 undo steps (80 brush strokes on the full-resolution mask + the 20 keeps), saved through
 * main's `project:save` path and opened by a fresh main (a restarted app). The floors are sharp
 * writing the flattened image alone (the 20 patches composited over the photo, JPEG q95) and sharp
 * reading that file back to pixels. File sizes are reported next to each other.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createServices, type MainServices } from '../../electron/main/create-services';
import type { Dialogs } from '../../electron/main/services/dialogs';
import { importImage } from '../../electron/main/services/image-import';
import { applyCoverage, createEmptyMask, type TiledMask } from '../../shared/mask';
import { buildProjectPayload, type HistoryState } from '../../renderer/model/project-payload';
import type { DocState, PatchLayer, Snapshot } from '../../renderer/model/document-types';
import { bigJpeg, BIG, ellipse } from './photo';
import { paired, type RatioRow } from './ratio';

const VERSIONS = 20;
const STEPS = 100;
const PATCH = 1024;

function services(dir: string, dialogs: Dialogs): MainServices {
  return createServices({
    host: 'test',
    version: 'bench',
    assetDir: join(dir, 'assets'),
    settingsDir: join(dir, 'settings'),
    dialogs,
    env: {},
  });
}

/** The document after 100 steps, its history, and the masks the steps reference. */
async function buildDocument(svc: MainServices, jpeg: Buffer) {
  const opened = await importImage(svc.store, new Uint8Array(jpeg), 'big.jpg');
  const masks = new Map<string, TiledMask>();
  let maskN = 0;
  const putMask = (m: TiledMask) => {
    const id = `mask-${++maskN}`;
    masks.set(id, m);
    return id;
  };
  const alpha = ellipse(PATCH, PATCH);
  const patches: { assetId: string; x: number; y: number }[] = [];
  for (let i = 0; i < VERSIONS; i++) {
    const x = (i % 5) * 1150 + 100;
    const y = Math.floor(i / 5) * 950 + 50;
    // Real photo content from elsewhere in the picture, with a feathered-looking elliptic alpha.
    const rgb = await sharp(jpeg)
      .extract({ left: (x + 2000) % (BIG.width - PATCH), top: (y + 1500) % (BIG.height - PATCH), width: PATCH, height: PATCH })
      .raw()
      .toBuffer();
    const rgba = Buffer.alloc(PATCH * PATCH * 4);
    for (let p = 0; p < PATCH * PATCH; p++) {
      rgba[p * 4] = rgb[p * 3];
      rgba[p * 4 + 1] = rgb[p * 3 + 1];
      rgba[p * 4 + 2] = rgb[p * 3 + 2];
      rgba[p * 4 + 3] = alpha[p];
    }
    const png = await sharp(rgba, { raw: { width: PATCH, height: PATCH, channels: 4 } })
      .png()
      .toBuffer();
    patches.push({ assetId: await svc.store.put(new Uint8Array(png), 'patch'), x, y });
  }
  let doc: DocState = {
    id: 'doc-bench',
    canvas: { width: BIG.width, height: BIG.height },
    original: {
      assetId: opened.assetId,
      name: 'big.jpg',
      width: BIG.width,
      height: BIG.height,
      x: 0,
      y: 0,
      hasIcc: opened.hasIcc,
      hasExif: opened.hasExif,
    },
    maskId: putMask(createEmptyMask(BIG.width, BIG.height)),
    layers: [],
    versions: [],
  };
  const past: Snapshot[] = [];
  let label = 'Open big.jpg';
  let kept = 0;
  const stroke = ellipse(180, 180);
  for (let step = 0; step < STEPS; step++) {
    past.push({ doc, label });
    if (step % 5 === 4 && kept < VERSIONS) {
      const p = patches[kept];
      const layer: PatchLayer = {
        id: `layer-${kept}`,
        name: `Result ${kept}`,
        assetId: p.assetId,
        x: p.x,
        y: p.y,
        width: PATCH,
        height: PATCH,
      };
      const layers = [...doc.layers, layer];
      doc = {
        ...doc,
        layers,
        versions: [
          ...doc.versions,
          {
            id: `v-${kept}`,
            layerId: layer.id,
            model: 'gpt-image-2',
            prompt: `replace the object number ${kept} with clean background, keep the light`,
            requestSize: { width: 1024, height: 1024 },
            region: { x: p.x, y: p.y, width: PATCH, height: PATCH },
            costUsd: 0.053,
            seconds: 5.2,
            requestId: `req_${kept.toString().padStart(20, '0')}`,
            createdAt: 1_764_547_200_000 + kept,
            layersAfter: layers,
          },
        ],
      };
      label = 'Keep';
      kept++;
    } else {
      const mask = masks.get(doc.maskId)!;
      const x = (step * 733) % (BIG.width - 200);
      const y = (step * 421) % (BIG.height - 200);
      doc = { ...doc, maskId: putMask(applyCoverage(mask, { rect: { x, y, width: 180, height: 180 }, data: stroke }, 'add')) };
      label = 'Brush stroke';
    }
  }
  const state: HistoryState = { doc, label, past: past.slice(-STEPS), future: [] };
  return { state, masks, patches };
}

/** Project save and open ratios, plus sizes; `runs` paired runs each. */
export async function projectRatios(runs: number): Promise<RatioRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'maskwork-bench-project-'));
  try {
    const jpeg = await bigJpeg();
    let target = join(dir, 'work.maskwork');
    const dialogs: Dialogs = {
      chooseImageToOpen: async () => null,
      chooseExportPath: async () => null,
      chooseProjectPath: async () => target,
    };
    const svc = services(join(dir, 'a'), dialogs);
    const { state, masks, patches } = await buildDocument(svc, jpeg);

    // Cold packing (every tile compressed once), as the first autosave of such a history would do.
    const t0 = performance.now();
    buildProjectPayload(state, (id) => masks.get(id)!, { historyLimit: 100, references: [] });
    const coldPackMs = performance.now() - t0;

    const flattened = join(dir, 'flattened.jpg');
    const saveFloor = async () => {
      const composites = await Promise.all(
        patches.map(async (p) => ({ input: Buffer.from(await svc.store.get(p.assetId)), left: p.x, top: p.y })),
      );
      await sharp(jpeg).composite(composites).jpeg({ quality: 95 }).toFile(flattened);
    };
    let n = 0;
    const save = paired({
      id: 'project-save',
      measure: `project save: 24 MP photo, ${VERSIONS} versions, ${STEPS} undo steps (payload + Ctrl+S path in main, atomic write)`,
      floor: 'sharp composites the 20 patches over the photo and writes the flattened JPEG q95',
      target: 1.5,
      runs,
      product: async () => {
        target = join(dir, `work-${n++}.maskwork`);
        const payload = buildProjectPayload(state, (id) => masks.get(id)!, { historyLimit: 100, references: [] });
        const r = await svc.projects.save({ store: svc.store, dialogs, app: 'bench' }, { ...payload, saveAs: true });
        if (!r) throw new Error('not saved');
      },
      floorFn: saveFloor,
    });
    const saveRow = await save;
    const projectBytes = (await stat(target)).size;
    const flatBytes = (await stat(flattened)).size;
    const saved = target;

    let m = 0;
    const open = await paired({
      id: 'project-open',
      measure: 'project open in a restarted main: read, verify checksums + schema, store the assets, decode the original',
      floor: 'sharp reads the flattened JPEG to pixels',
      target: 1.5,
      runs,
      product: async () => {
        const fresh = services(join(dir, `b-${m++}`), dialogs);
        const opened = await fresh.projects.open(fresh.store, saved);
        if (!opened.assets[state.doc.original.assetId]) throw new Error('original missing');
      },
      floorFn: async () =>
        sharp(await readFile(flattened))
          .raw()
          .toBuffer(),
    });
    const sizes = `file ${(projectBytes / 2 ** 20).toFixed(1)} MB (original ${(jpeg.byteLength / 2 ** 20).toFixed(1)} MB + ${VERSIONS} patches + ${masks.size} masks) vs flattened JPEG q95 ${(flatBytes / 2 ** 20).toFixed(1)} MB`;
    saveRow.note = `${sizes}; packing every mask tile cold (first autosave) ${Math.round(coldPackMs)} ms`;
    open.note = sizes;
    return [saveRow, open];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
