/**
 * The decoded pixels of the open original (one entry), shared by import — which decodes the file
 * completely anyway to prove it intact — and edit prep, which cuts regions out of it. So the first
 * edit after opening a 24 MP photo does not decode it a second time.
 */
export interface DecodedImage {
  width: number;
  height: number;
  /** Upright RGBA, as `sharp(bytes).autoOrient().ensureAlpha().raw()` gives it. */
  rgba: Uint8Array;
}

let entry: { assetId: string; decoded: DecodedImage } | null = null;

export function rememberDecoded(assetId: string, decoded: DecodedImage): void {
  entry = { assetId, decoded };
}

export function recallDecoded(assetId: string): DecodedImage | null {
  return entry?.assetId === assetId ? entry.decoded : null;
}

export function forgetDecoded(): void {
  entry = null;
}
