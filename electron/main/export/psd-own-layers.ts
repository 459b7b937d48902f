/**
 * The layers of a PSD Maskwork exported that are not what a retoucher calls its layers: the bottom
 * "Original" (the photo itself, which opening the file gives back as its flattened image) and the
 * hidden "Mask (Maskwork)" (the mask at export time). Opening such a file said "its 4 layers are not
 * imported" for two kept results; it counts the results only. Told apart by the file's version info
 * (resource 1057), whose writer is "Maskwork" (psd-writer.ts), so another program's bottom layer
 * that happens to be named "Original" still counts.
 */

/** The name of the hidden mask layer a Maskwork PSD has on top (psd-export.ts). */
export const MASK_LAYER_NAME = 'Mask (Maskwork)';

/** Whether the version info (1057: version, real-merged flag, writer name as a Unicode string…) names Maskwork as the writer. */
export function writtenByMaskwork(versionInfo: Uint8Array | undefined): boolean {
  if (!versionInfo || versionInfo.byteLength < 9) return false;
  const b = Buffer.from(versionInfo.buffer, versionInfo.byteOffset, versionInfo.byteLength);
  const n = b.readUInt32BE(5);
  if (n !== 8 || b.byteLength < 9 + 2 * n) return false;
  let name = '';
  for (let i = 0; i < n; i++) name += String.fromCharCode(b.readUInt16BE(9 + 2 * i));
  return name === 'Maskwork';
}

/** Whether layer record `index` (0 = bottom), with its legacy name and hidden flag, is Maskwork's own, not a result. */
export function maskworkOwnLayer(index: number, name: string, hidden: boolean): boolean {
  return (index === 0 && name === 'Original') || (hidden && name === MASK_LAYER_NAME);
}
