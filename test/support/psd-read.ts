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
