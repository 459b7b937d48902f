/**
 * An `edit:start` request for an edit in areas: a flat photo of `size` imported into `main`, and a
 * mask over `rect` that is on only inside `dabs` (canvas px), for GPT Image 2 at medium quality.
 */
import sharp from 'sharp';

type Rect = { x: number; y: number; width: number; height: number };

export async function areasRequest(
  main: { call(channel: 'image:import', req: { bytes: Uint8Array; name: string }): Promise<{ assetId: string }> },
  size: { width: number; height: number },
  dabs: readonly Rect[],
  rect: Rect,
  n: number,
): Promise<Record<string, unknown>> {
  const photo = await sharp({ create: { ...size, channels: 3, background: { r: 90, g: 120, b: 150 } } })
    .jpeg()
    .toBuffer();
  const img = await main.call('image:import', { bytes: new Uint8Array(photo), name: 'big.jpg' });
  const values = new Uint8Array(rect.width * rect.height);
  for (const d of dabs) {
    const on = new Uint8Array(d.width).map(() => 255);
    for (let y = d.y; y < d.y + d.height; y++) values.set(on, (y - rect.y) * rect.width + d.x - rect.x);
  }
  const png = await sharp(values, { raw: { width: rect.width, height: rect.height, channels: 1 } })
    .png()
    .toBuffer();
  return {
    canvas: { ...size },
    layers: [{ assetId: img.assetId, x: 0, y: 0 }],
    mask: { png: new Uint8Array(png), rect },
    prompt: 'remove the spot',
    model: 'gpt-image-2',
    quality: 'medium',
    n,
    references: [],
    featherPx: 6,
    colorMatch: true,
  };
}
