/**
 * Child process of ocr-offline.test.ts (run under test/support/no-network.cjs): reads a fixture with
 * Maskwork's OCR engine, then — as a control that the guard sees the OCR worker thread — starts a
 * tesseract.js worker with its default (CDN) language path, which must be caught.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { createWorker } from 'tesseract.js';
import { readText, shutdownOcr } from '../../../electron/main/text-check/ocr-engine';

const [file, mode] = process.argv.slice(2);
if (mode === 'control') {
  // Unhandled on purpose: the guard's error ends the process with its message on stderr.
  const w = await createWorker('eng', 1, { cacheMethod: 'none' });
  await w.terminate();
  console.log(JSON.stringify({ control: 'loaded' }));
  process.exit(0);
}
const { data, info } = await sharp(readFileSync(file)).greyscale().raw().toBuffer({ resolveWithObject: true });
const r = await readText({ width: info.width, height: info.height, data: new Uint8Array(data) });
await shutdownOcr();
console.log(JSON.stringify({ text: r.text.trim(), glyphs: r.glyphs.length }));
