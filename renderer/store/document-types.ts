/** Document records: plain serialisable data; pixels are referenced by id (asset ids in main, mask ids in the blob store). */

export interface OriginalRef {
  assetId: string;
  name: string;
  /** Size after EXIF orientation, in document pixels. */
  width: number;
  height: number;
  /** Where the original sits on the canvas (non-zero after extending left/top). */
  x: number;
  y: number;
  hasIcc: boolean;
  hasExif: boolean;
  sourcePath?: string;
}

/** An accepted result: a region-sized RGBA bitmap (alpha = feathered mask) placed at x,y. */
export interface PatchLayer {
  id: string;
  name: string;
  assetId: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One accepted generation, shown in the version strip (not the undo history). */
export interface Version {
  id: string;
  layerId: string;
  model: string;
  prompt: string;
  requestSize: { width: number; height: number };
  region: { x: number; y: number; width: number; height: number };
  costUsd: number;
  seconds: number;
  requestId?: string;
  createdAt: number;
  /** The document's patch layers right after this version was kept ("Restore version" sets them back). */
  layersAfter?: PatchLayer[];
}

export interface DocState {
  id: string;
  canvas: { width: number; height: number };
  original: OriginalRef;
  maskId: string;
  layers: PatchLayer[];
  versions: Version[];
}

export interface Snapshot {
  doc: DocState;
  /** What produced this state ("Brush stroke", "Invert mask" …), shown in the history panel. */
  label: string;
}
