/**
 * Offline OCR: tesseract.js (Tesseract 5's LSTM compiled to WebAssembly) with the English
 * `best_int` data from `@tesseract.js-data/eng`. Recognition runs in tesseract.js's own
 * `worker_threads` worker, never on main's event loop or in the renderer. Everything is loaded from
 * local files: the worker script, the wasm core (tesseract.js `require`s tesseract.js-core in Node)
 * and the traineddata (a local `langPath` is read with fs); `cacheMethod: 'none'` writes nothing.
 * In a packaged app these files are unpacked from the asar (package.json `asarUnpack`).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { GreyImage } from '../../../shared/text-check/glyph-check';
import type { OcrReading } from '../../../shared/text-check/text-match';

const require = createRequire(import.meta.url);

/** Files inside the asar are read from its unpacked twin (worker threads and wasm need real files). */
const unpacked = (p: string) => p.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

export function ocrPaths(): { workerPath: string; langPath: string; corePath: string } {
  return {
    workerPath: unpacked(require.resolve('tesseract.js/src/worker-script/node/index.js')),
    langPath: unpacked(join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')),
    corePath: unpacked(dirname(require.resolve('tesseract.js-core/package.json'))),
  };
}

interface TessSymbol {
  text: string;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface TessWorker {
  recognize(image: Buffer, options: object, output: object): Promise<{ data: { text: string; blocks: TessBlock[] | null } }>;
  setParameters(p: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}
interface TessBlock {
  paragraphs: { lines: { words: { symbols: TessSymbol[] }[] }[] }[];
}

const IDLE_MS = 60_000;
let worker: Promise<TessWorker> | null = null;
let idle: ReturnType<typeof setTimeout> | null = null;
let busy = 0;

async function startWorker(): Promise<TessWorker> {
  const tesseract = (await import('tesseract.js')) as unknown as {
    createWorker(lang: string, oem: number, options: object): Promise<TessWorker>;
    default?: { createWorker(lang: string, oem: number, options: object): Promise<TessWorker> };
  };
  const create = tesseract.createWorker ?? tesseract.default!.createWorker;
  const paths = ocrPaths();
  // OEM 1 = LSTM only (the best_int data has no legacy model).
  const w = await create('eng', 1, { ...paths, cacheMethod: 'none', gzip: true, logger: () => {}, errorHandler: () => {} });
  // Region PNGs carry no resolution; Tesseract would guess one and warn on stderr. 70 is what it falls back to.
  await w.setParameters({ user_defined_dpi: '70' });
  return w;
}

/** Stops the OCR worker now (the CLI and tests call it; the app lets it stop after a minute idle). */
export async function shutdownOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const w = worker;
  worker = null;
  if (w !== null) await (await w.catch(() => null))?.terminate();
}

/**
 * Tesseract's page segmentation modes used for a second reading: '13' reads the image as one raw
 * line (no layout analysis), '11' looks for sparse text in any order.
 */
export type SecondReadMode = '13' | '11';

/**
 * Reads the text in a greyscale image. Boxes are in the image's pixels. `psm`: Tesseract's page
 * segmentation mode for this read only; tesseract.js sets it for the one recognition and restores
 * the worker's own after it.
 */
export async function readText(img: GreyImage, psm?: SecondReadMode): Promise<OcrReading> {
  if (idle) clearTimeout(idle);
  idle = null;
  busy++;
  try {
    worker ??= startWorker();
    const w = await worker.catch((e) => {
      worker = null;
      throw e;
    });
    const png = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const r = await w.recognize(png, psm ? { tessedit_pageseg_mode: psm, user_defined_dpi: '70' } : {}, { text: true, blocks: true });
    const glyphs: OcrReading['glyphs'] = [];
    let word = 0;
    let line = 0;
    for (const b of r.data.blocks ?? [])
      for (const p of b.paragraphs)
        for (const l of p.lines) {
          for (const wd of l.words) {
            for (const s of wd.symbols) glyphs.push({ text: s.text, box: { ...s.bbox }, word, line });
            word++;
          }
          line++;
        }
    return { text: r.data.text ?? '', glyphs };
  } finally {
    busy--;
    if (!busy && worker !== null) {
      idle = setTimeout(() => void shutdownOcr(), IDLE_MS);
      idle.unref?.();
    }
  }
}
