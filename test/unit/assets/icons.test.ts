/**
 * assets/: the app icon's SVG source and the committed files generated from it by
 * scripts/make-icons.mjs exist, decode, have the sizes they claim, and are the ones the window and
 * electron-builder use. The ICO and ICNS containers are parsed here byte by byte.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../../..');
const ICONS = join(REPO, 'assets/icons');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** Decodes a PNG and returns its size and whether its alpha channel has both transparent and opaque pixels. */
async function decode(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let clear = 0;
  let solid = 0;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] === 0) clear++;
    else if (data[i] === 255) solid++;
  }
  return { width: info.width, height: info.height, clear, solid };
}

describe('app icon', () => {
  it('the SVG source exists and rasterises', async () => {
    const svg = readFileSync(join(REPO, 'assets/icon.svg'));
    expect((await sharp(svg).metadata()).format).toBe('svg');
  });

  it('every PNG size exists and decodes at its size, with transparent corners and an opaque body', async () => {
    for (const n of PNG_SIZES) {
      const d = await decode(readFileSync(join(ICONS, 'png', `${n}x${n}.png`)));
      expect([d.width, d.height], `${n}x${n}.png`).toEqual([n, n]);
      expect(d.clear, `${n}x${n}.png has transparent corners`).toBeGreaterThan(0);
      expect(d.solid, `${n}x${n}.png has opaque pixels`).toBeGreaterThan(0);
    }
  });

  it('icon.ico: a valid ICONDIR whose entries are PNGs of the sizes the directory states', async () => {
    const ico = readFileSync(join(ICONS, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let k = 0; k < count; k++) {
      const e = 6 + 16 * k;
      const stated = ico.readUInt8(e) || 256;
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const d = await decode(ico.subarray(offset, offset + length));
      expect([d.width, d.height]).toEqual([stated, stated]);
      sizes.push(stated);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('icon.icns: a valid container whose elements are PNGs of the size their type means', async () => {
    const icns = readFileSync(join(ICONS, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const TYPE_SIZE: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    };
    const seen: string[] = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      const d = await decode(icns.subarray(at + 8, at + length));
      expect([d.width, d.height], type).toEqual([TYPE_SIZE[type], TYPE_SIZE[type]]);
      seen.push(type);
      at += length;
    }
    expect(seen.sort()).toEqual(Object.keys(TYPE_SIZE).sort());
  });

  it('the committed files are what the script makes from the SVG (regenerated in a scratch copy)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'maskwork-icons-'));
    try {
      mkdirSync(join(tmp, 'assets'));
      copyFileSync(join(REPO, 'assets/icon.svg'), join(tmp, 'assets/icon.svg'));
      const { makeIcons } = await import(/* @vite-ignore */ pathToFileURL(join(REPO, 'scripts/make-icons.mjs')).href);
      await makeIcons(tmp);
      for (const f of ['icon.ico', 'icon.icns', ...PNG_SIZES.map((n) => `png/${n}x${n}.png`)])
        expect(readFileSync(join(tmp, 'assets/icons', f)).equals(readFileSync(join(ICONS, f))), f).toBe(true);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('electron-builder uses them: build resources, per-platform icons, and the window icon is packaged', () => {
    const build = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).build;
    expect(build.directories.buildResources).toBe('assets');
    for (const path of [build.icon, build.mac.icon, build.win.icon, build.linux.icon])
      expect(existsSync(join(REPO, path)), path).toBe(true);
    expect(build.files).toContain('assets/icons/png/**');
  });
});
