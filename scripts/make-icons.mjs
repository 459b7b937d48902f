#!/usr/bin/env node
// Generates the app icon files from assets/icon.svg (run after editing the SVG; the output is committed):
//   assets/icons/png/<n>x<n>.png  for n in 16 24 32 48 64 128 256 512 1024 (window icon, Linux icon set)
//   assets/icons/icon.ico         Windows: PNG-compressed entries 16…256
//   assets/icons/icon.icns        macOS: PNG-compressed entries 16…1024 (incl. @2x types)
// Usage: node scripts/make-icons.mjs [repoRoot]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types holding PNG data, with their pixel size. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/**
 * ICO container: ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the images. Each image
 * is a whole PNG file (allowed since Windows Vista); width/height 256 are written as 0.
 */
export function buildIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** ICNS container: 'icns' + total length (big-endian), then per element a 4-char type, its length (incl. 8-byte header), the PNG. */
export function buildIcns(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([header, ...parts]);
}

export async function makeIcons(root) {
  const svg = readFileSync(join(root, 'assets/icon.svg'));
  const out = join(root, 'assets/icons');
  mkdirSync(join(out, 'png'), { recursive: true });
  const png = new Map();
  for (const size of PNG_SIZES) {
    // Rasterise at a density that gives the size directly (sharp/librsvg), no upscaling of a small bitmap.
    const bytes = await sharp(svg, { density: (72 * size) / 1024 })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toBuffer();
    png.set(size, bytes);
    writeFileSync(join(out, 'png', `${size}x${size}.png`), bytes);
  }
  writeFileSync(join(out, 'icon.ico'), buildIco(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
  writeFileSync(join(out, 'icon.icns'), buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png.get(size) }))));
  return { pngs: PNG_SIZES.length, ico: ICO_SIZES.length, icns: ICNS_TYPES.length };
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const n = await makeIcons(root);
  console.log(`Icons written to assets/icons: ${n.pngs} PNG sizes, ${n.ico} ICO entries, ${n.icns} ICNS entries.`);
}
