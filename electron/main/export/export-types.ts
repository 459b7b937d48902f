/**
 * What an export is asked for and gives back, and what every encoder reads (services/image-export.ts
 * builds the source and picks the encoder; export/*.ts encode).
 */
import type { Metadata } from 'sharp';
import type { Depth } from './composite-raw';
import type { PendingLayer } from './pending-layer';
import type { Provenance } from './xmp-provenance';

export type ExportFormat = 'png' | 'jpeg' | 'webp' | 'tiff' | 'psd';

export interface PlacedAsset {
  assetId: string;
  x: number;
  y: number;
  /** Layer name (PSD); the first layer's is ignored. */
  name?: string;
  /** Hidden layers are left out of flat exports and written hidden into a PSD. */
  hidden?: boolean;
  /** 0–1 (default 1): multiplies the layer's alpha; a PSD layer's opacity. */
  opacity?: number;
  /** Layer mask: a layer-sized grey PNG asset (255 shows the layer); a PSD layer mask. */
  maskAssetId?: string;
}

export interface ExportRequest {
  canvas: { width: number; height: number };
  layers: PlacedAsset[];
  format: ExportFormat;
  /** 1–100 for JPEG/WebP (default 95); 100 on WebP means lossless. Ignored for PNG/TIFF/PSD. */
  quality?: number;
  /** TIFF compression (default deflate). */
  tiffCompression?: 'deflate' | 'lzw';
  /** The current mask (a grey PNG asset at x,y in document px): saved into a PSD as a hidden layer. */
  mask?: { assetId: string; x: number; y: number };
  /** What made the kept results, for the XMP edit record. */
  provenance?: Provenance;
  /** A top layer still being made (export/pending-layer.ts). */
  pending?: PendingLayer;
  /**
   * JPEG from a JPEG original: keep the original's compressed data outside the edit (default true;
   * export/jpeg-export.ts). False re-encodes the whole picture at `quality`.
   */
  jpegKeepOriginal?: boolean;
}

export interface EncodedExport {
  bytes: Uint8Array;
  width: number;
  height: number;
  keptExif: boolean;
  keptIcc: boolean;
  /** The original's XMP went into the file. */
  keptXmp: boolean;
  /** The XMP edit record (the AI models used) went into the file: an AI result is visible. */
  editRecord: boolean;
  /** Bits per channel written. */
  depth: Depth;
  /** Things the user should know about this export (depth reduced, colour converted). */
  notes: string[];
}

/** What every encoder needs: the original, its metadata and where everything sits. */
export interface ExportSource {
  /** The original's asset (the first layer). */
  baseAssetId: string;
  original: Uint8Array;
  meta: Metadata;
  depth: Depth;
  cmyk: boolean;
  extend: { left: number; top: number; right: number; bottom: number };
  /** Visible patches (flat exports) — PSD uses `req.layers` itself. */
  patches: PlacedAsset[];
  /** The original's XMP with the edit record added (or as it was, when nothing AI-made is visible). */
  xmp: string | undefined;
  /** What `xmp` holds: the original's own XMP, the edit record (every encoder writes `xmp` when set). */
  xmpHolds: { original: boolean; record: boolean };
  /**
   * The original's EXIF: libvips' reading, else for a TIFF its own tags and for a PNG an eXIf chunk
   * libvips does not see (after the image data) or a "Raw profile type exif" (png-source-metadata.ts).
   */
  exif: Uint8Array | undefined;
}
