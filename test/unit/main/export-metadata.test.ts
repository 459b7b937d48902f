/**
 * Provenance and colour (issue 11): every export with AI results carries an XMP edit record (IPTC
 * digital source type compositeWithTrainedAlgorithmicMedia, the AI systems, the date), prompts only
 * when asked; the original's XMP, EXIF and IPTC stay; no record when nothing AI-made is visible. A
 * CMYK original opens with its colour model known, is edited and exported in RGB converted with its
 * own profile (sRGB attached), and the export says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile } from '../../../electron/main/services/image-files';
import { exportNotes, type ExportSource } from '../../../electron/main/services/image-export';
import { provenanceXmp, DIGITAL_SOURCE_TYPE } from '../../../electron/main/export/xmp-provenance';
import { cmykJpeg, featheredPatch, SOURCE_XMP } from '../../fixtures/deep-images';
import { photo } from '../../fixtures/bad-images';
import { startMain, type MainHarness } from '../../support/main-harness';

let tmp: string;
let store: AssetStore;
let main: MainHarness;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-meta-'));
  store = new AssetStore(join(tmp, 'assets'));
  main = await startMain();
});
afterAll(async () => {
  await main?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** The values of an XMP property (element form), by local name. */
function xmpValues(xmp: string, name: string): string[] {
  return [...xmp.matchAll(new RegExp(`<[\\w.-]+:${name}>([\\s\\S]*?)</[\\w.-]+:${name}>`, 'g'))].map((m) => m[1]);
}

/** A JPEG with EXIF, an IPTC-carrying XMP packet and an ICC profile, like a camera/agency file. */
async function taggedJpeg(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(photo('building.jpg'))
      .withIccProfile('p3')
      .withExif({ IFD0: { Copyright: 'Agency 2026', Artist: 'A. Photographer' } })
      .withXmp(SOURCE_XMP)
      .jpeg({ quality: 92 })
      .toBuffer(),
  );
}

describe('XMP edit record', () => {
  for (const format of ['jpeg', 'webp', 'png', 'tiff'] as const) {
    it(`${format}: the record is added, the original's XMP, EXIF and ICC stay; prompts only when given`, async () => {
      const src = await taggedJpeg();
      const img = await importImage(store, src, 'tagged.jpg');
      const patch = await store.put(await featheredPatch(80, 60), 'patch');
      const base = {
        canvas: { width: 868, height: 600 },
        layers: [
          { assetId: img.assetId, x: 0, y: 0 },
          { assetId: patch, x: 100, y: 100 },
        ],
        format,
      };
      const plain = join(tmp, `record.${format}`);
      const r = await exportToFile(store, { ...base, provenance: { models: ['gpt-image-2', 'local', 'gpt-image-2'] } }, plain);
      // What the export message names: the original's XMP went with the file, and the record.
      expect(r).toMatchObject({ keptXmp: true, editRecord: true });
      const meta = await sharp(plain).metadata();
      const xmp = meta.xmp!.toString();
      expect(xmpValues(xmp, 'DigitalSourceType')).toEqual([DIGITAL_SOURCE_TYPE]);
      expect(xmpValues(xmp, 'AISystemUsed')).toEqual(['OpenAI gpt-image-2, Maskwork offline engine']);
      expect(xmpValues(xmp, 'AIPromptInformation')).toEqual([]);
      const date = xmpValues(xmp, 'ModifyDate')[0];
      expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(60_000);
      expect(xmp).toContain('Test Photographer');
      expect(Buffer.compare(meta.icc!, (await sharp(src).metadata()).icc!)).toBe(0);
      if (format === 'tiff') {
        expect(execFileSync('/usr/bin/identify', ['-format', '%[tiff:copyright]|%[tiff:artist]', plain]).toString()).toBe(
          'Agency 2026|A. Photographer',
        );
      } else expect(meta.exif?.includes('Agency 2026')).toBe(true);

      const withPrompts = join(tmp, `prompts.${format}`);
      await exportToFile(store, { ...base, provenance: { models: ['gpt-image-2'], prompts: ['a <brass> plaque & "sign"'] } }, withPrompts);
      const x2 = (await sharp(withPrompts).metadata()).xmp!.toString();
      expect(xmpValues(x2, 'AIPromptInformation')).toEqual(['a &lt;brass&gt; plaque &amp; &quot;sign&quot;']);
    });
  }

  it('no record when no AI result is visible (hidden layers do not count); the original XMP is kept as it was', async () => {
    const src = await taggedJpeg();
    const img = await importImage(store, src, 'tagged.jpg');
    const patch = await store.put(await featheredPatch(80, 60), 'patch');
    const out = join(tmp, 'none.png');
    const r = await exportToFile(
      store,
      {
        canvas: { width: 868, height: 600 },
        layers: [
          { assetId: img.assetId, x: 0, y: 0 },
          { assetId: patch, x: 10, y: 10, hidden: true },
        ],
        format: 'png',
        provenance: { models: ['gpt-image-2'] },
      },
      out,
    );
    const xmp = (await sharp(out).metadata()).xmp!.toString();
    expect(xmp).toContain('Test Photographer');
    expect(xmp).not.toContain('DigitalSourceType');
    expect(r).toMatchObject({ keptXmp: true, editRecord: false });
  });

  it('a photo with no XMP: the record is written and no XMP is said to be kept', async () => {
    const img = await importImage(store, new Uint8Array(await sharp(photo('building.jpg')).jpeg().toBuffer()), 'plain.jpg');
    const patch = await store.put(await featheredPatch(80, 60), 'patch');
    for (const format of ['png', 'psd'] as const) {
      const out = join(tmp, `plain-record.${format}`);
      const layers = [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId: patch, x: 10, y: 10 },
      ];
      const r = await exportToFile(store, { canvas: { width: 868, height: 600 }, layers, format, provenance: { models: ['local'] } }, out);
      expect([format, r.keptXmp, r.editRecord]).toEqual([format, false, true]);
    }
  });

  it('a record already in the original is replaced, not repeated', () => {
    const first = provenanceXmp({ models: ['local'] }, SOURCE_XMP, new Date('2026-01-01T00:00:00Z'));
    const second = provenanceXmp({ models: ['gpt-image-2'] }, first, new Date('2026-02-01T00:00:00Z'));
    expect(xmpValues(second, 'DigitalSourceType')).toHaveLength(1);
    expect(xmpValues(second, 'AISystemUsed')).toEqual(['OpenAI gpt-image-2']);
    expect(xmpValues(second, 'ModifyDate')).toEqual(['2026-02-01T00:00:00Z']);
    expect(second).toContain('Test Photographer');
  });
});

describe('CMYK originals', () => {
  it("the export note names the file's own profile only when the file has one", () => {
    const note = (icc?: Buffer) => exportNotes({ depth: 8, cmyk: true, meta: { icc } } as unknown as ExportSource, 'png').join(' ');
    expect(note(Buffer.from('profile'))).toMatch(/converted with the file's own colour profile/);
    expect(note()).toMatch(/generic CMYK profile, as the file has none/);
    expect(note()).not.toMatch(/own colour profile/);
  });

  it('open as CMYK, edit in RGB (offline engine through main), export RGB, with a note saying which profile converted it', async () => {
    const src = await cmykJpeg();
    expect((await sharp(src).metadata()).space).toBe('cmyk');
    const img = await main.call('image:import', { bytes: src, name: 'print.jpg' });
    expect(img).toMatchObject({ colourModel: 'cmyk', width: 200, height: 150, depth: 8 });
    const mask = new Uint8Array(
      await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
    const { jobId } = await main.call('edit:start', {
      canvas: { width: 200, height: 150 },
      layers: [{ assetId: img.assetId, x: 0, y: 0 }],
      mask: { png: mask, rect: { x: 80, y: 60, width: 40, height: 30 } },
      prompt: '',
      model: 'local',
      n: 1,
      references: [],
      featherPx: 2,
      colorMatch: false,
    });
    const result = await main.waitJob(jobId);
    expect(result.state).toBe('done');
    const c = result.state === 'done' ? result.candidates[0] : null;
    for (const format of ['png', 'jpeg', 'tiff', 'psd'] as const) {
      const out = join(tmp, `cmyk.${format}`);
      const r = await exportToFile(
        main.svc.store,
        {
          canvas: { width: 200, height: 150 },
          layers: [
            { assetId: img.assetId, x: 0, y: 0 },
            { assetId: c!.assetId, x: c!.region.x, y: c!.region.y },
          ],
          format,
        },
        out,
      );
      // This file has no embedded profile (libvips converts with its generic CMYK one): the note said
      // "converted with its own colour profile" all the same.
      expect(r.notes?.join(' ')).toMatch(/CMYK.*RGB.*generic CMYK profile, as the file has none/);
      expect(r.keptIcc).toBe(false);
      if (format === 'psd') continue;
      const meta = await sharp(out).metadata();
      expect([meta.space, meta.channels]).toEqual(['srgb', 3]);
      // Far from the CMYK profile: the pixels are what sharp's own CMYK → sRGB conversion gives.
      const ours = await sharp(out).raw().toBuffer();
      const ref = await sharp(src).toColourspace('srgb').raw().toBuffer();
      let far = 0;
      let sum = 0;
      let n = 0;
      for (let y = 0; y < 150; y++) {
        for (let x = 0; x < 200; x++) {
          if (x >= 60 && x < 140 && y >= 40 && y < 110) continue; // the edited box and its band
          for (let k = 0; k < 3; k++) {
            const d = Math.abs(ours[(y * 200 + x) * 3 + k] - ref[(y * 200 + x) * 3 + k]);
            sum += d;
            n++;
            if (d > 1) far++;
          }
        }
      }
      // Lossless formats: the converted pixels (±1 for rounding); JPEG: close on average.
      if (format === 'jpeg') expect(sum / n).toBeLessThan(3);
      else expect(far, format).toBe(0);
    }
  });
});
