/**
 * The decoded pixels of the open original (one entry), shared by import — which decodes the file
 * completely anyway to prove it intact — and edit prep, which cuts regions out of it. So the first
 * edit after opening a 24 MP photo does not decode it a second time.
 *
 * A JPEG opened with `checkLater` is proved intact by a reduced decode (image-check.ts); its full
 * decode is then made shortly after the document is shown ({@link decodeSoon}), or at once when edit
 * prep asks for it first ({@link awaitDecoded}).
 */
export interface DecodedImage {
  width: number;
  height: number;
  /** Upright RGBA, as `sharp(bytes).autoOrient().ensureAlpha().raw()` gives it. */
  rgba: Uint8Array;
}

let entry: { assetId: string; decoded: DecodedImage } | null = null;
/** A full decode scheduled for the open original: started by its timer or by the first reader. */
let soon: { assetId: string; start: () => Promise<DecodedImage | null> } | null = null;

export function rememberDecoded(assetId: string, decoded: DecodedImage): void {
  entry = { assetId, decoded };
  soon = null;
}

export function recallDecoded(assetId: string): DecodedImage | null {
  return entry?.assetId === assetId ? entry.decoded : null;
}

export function forgetDecoded(): void {
  entry = null;
  soon = null;
}

/**
 * Schedules `decode` of `assetId` (the newly opened original) to run after `delayMs` — past the
 * first paint of the document — unless a reader needs it before. A failed decode keeps nothing
 * (edit prep then decodes the stored file itself and reports its error).
 */
export function decodeSoon(assetId: string, decode: () => Promise<DecodedImage>, delayMs: number): void {
  let started: Promise<DecodedImage | null> | null = null;
  const job = {
    assetId,
    start: () => {
      started ??= decode().then(
        (d) => {
          if (soon === job) rememberDecoded(assetId, d);
          return d;
        },
        () => {
          if (soon === job) soon = null;
          return null;
        },
      );
      return started;
    },
  };
  entry = null;
  soon = job;
  setTimeout(() => {
    if (soon === job) void job.start();
  }, delayMs).unref?.();
}

/** The decoded original: kept, or the scheduled decode (started now if it has not yet); null when neither. */
export async function awaitDecoded(assetId: string): Promise<DecodedImage | null> {
  const kept = recallDecoded(assetId);
  if (kept) return kept;
  return soon?.assetId === assetId ? soon.start() : null;
}
