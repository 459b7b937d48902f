/**
 * ag-psd decodes 8-bit pixels into ImageData objects, which Node lacks: plain arrays stand in (no
 * canvas is ever drawn in the tests that read PSDs back).
 */
import { initializeCanvas } from 'ag-psd';

export function psdImageDataInNode(): void {
  initializeCanvas(
    () => {
      throw new Error('no canvas in these tests');
    },
    (width, height) => ({ width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' }) as ImageData,
  );
}

/**
 * The image resources of a PSD by id (the section after the header and the colour mode data): ag-psd
 * reads EXIF data 1 (1058) only with its mock handlers on.
 */
export function psdResources(psd: Buffer): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  const modeLength = psd.readUInt32BE(26);
  const start = 30 + modeLength + 4;
  const end = start + psd.readUInt32BE(30 + modeLength);
  for (let at = start; at < end; ) {
    if (psd.toString('latin1', at, at + 4) !== '8BIM') throw new Error(`no image resource at ${at}`);
    const id = psd.readUInt16BE(at + 4);
    const nameLength = psd[at + 6];
    at += 6 + ((nameLength + 2) & ~1);
    const size = psd.readUInt32BE(at);
    out.set(id, psd.subarray(at + 4, at + 4 + size));
    at += 4 + size + (size % 2);
  }
  return out;
}
