/** Partial images become small JPEG previews; while one is being shrunk, only the latest waiting one follows. */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { previewPump, PREVIEW_MAX_SIDE, shrinkPreview } from '../../../electron/main/edit/partial-preview';

const png = (w: number, h: number, v: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: v, g: 40, b: 200 } } })
    .png()
    .toBuffer()
    .then((b) => new Uint8Array(b));

describe('partial previews', () => {
  it('shrinks a partial image to a JPEG of at most 512 px a side, same aspect', async () => {
    const out = await shrinkPreview(await png(1456, 1248, 10));
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(PREVIEW_MAX_SIDE);
    expect(meta.height).toBe(Math.round((1248 / 1456) * PREVIEW_MAX_SIDE));
  });

  it('shows only the region of a request padded past the photo (the crop given as fractions of the frame)', async () => {
    // 1264×848 for a 894×600 frame whose region starts 13 px in: the padding is red, the region blue.
    const full = await sharp({ create: { width: 1264, height: 848, channels: 3, background: { r: 0, g: 0, b: 255 } } })
      .composite([
        { input: { create: { width: 18, height: 848, channels: 3, background: { r: 255, g: 0, b: 0 } } }, left: 0, top: 0 },
        { input: { create: { width: 18, height: 848, channels: 3, background: { r: 255, g: 0, b: 0 } } }, left: 1246, top: 0 },
      ])
      .png()
      .toBuffer();
    const crop = { x0: 13 / 894, y0: 0, x1: 881 / 894, y1: 1 };
    const out = await shrinkPreview(new Uint8Array(full), crop);
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect(info.width / info.height).toBeCloseTo(868 / 600, 1);
    let red = 0;
    for (let i = 0; i < info.width * info.height; i++) if (data[i * 3] > 128) red++;
    expect(red).toBe(0);
  });

  it('sends the first and then only the latest of the partials that arrived meanwhile; skips unreadable ones', async () => {
    // Recorded in the order the pump sends; the pixels are read afterwards (two concurrent reads
    // may finish in either order, which once made this test fail on CI).
    const sent: { candidate: number; bytes: Uint8Array }[] = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => {
      done = r;
    });
    const push = previewPump((candidate, bytes) => {
      sent.push({ candidate, bytes });
      if (sent.length === 2) done();
    });
    push(0, await png(800, 600, 10));
    push(0, new Uint8Array([1, 2, 3])); // replaced before it is read
    push(0, await png(800, 600, 120));
    await finished;
    expect(sent.map((s) => s.candidate)).toEqual([0, 0]);
    const red = async (bytes: Uint8Array) => (await sharp(bytes).stats()).channels[0].mean;
    expect(Math.abs((await red(sent[0].bytes)) - 10)).toBeLessThan(4);
    expect(Math.abs((await red(sent[1].bytes)) - 120)).toBeLessThan(4);
  });
});
