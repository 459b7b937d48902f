/** Response and event payload types of the IPC contract (plain structured-clone data only). */
import type { AppErrorInfo } from '../errors';
import type { TextVerdict } from '../text-check/text-match';
import type { TimingSpan } from '../timing/spans';
import type { PatchPixels } from './patch-pixels';

export interface AppInfo {
  version: string;
  /** 'electron' in the app, 'dev-host' in `npm run dev`, 'test' under the e2e harness. */
  host: 'electron' | 'dev-host' | 'test' | 'cli';
  platform: string;
}

export interface OpenedImage {
  assetId: string;
  name: string;
  /** Size after EXIF orientation is applied, in pixels. */
  width: number;
  height: number;
  format: 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'avif' | 'heif' | 'psd' | 'other';
  /**
   * EXIF orientation tag of the file (1 = none). `width`/`height` are upright. JPEG display bytes
   * are the file itself and the renderer applies the orientation when decoding; other formats get
   * upright display bytes.
   */
  orientation: number;
  hasIcc: boolean;
  hasExif: boolean;
  /** Bits per channel of the file (16 for 16-bit PNG/TIFF; edits and the screen work in 8). */
  depth?: 8 | 16;
  /** The file's colour model when it is not RGB/grey: a CMYK file is edited and exported in RGB. */
  colourModel?: 'cmyk';
  /** The file is greyscale (one channel, or grey and alpha): edited in RGB, shown as "Gray". */
  grey?: true;
  /**
   * A PSD opens as its merged (flattened) image: how many layers and layer groups the file has (none
   * of them is imported). The stored original is that image as a PNG with the PSD's metadata.
   * `maskworkResults`: a PSD Maskwork wrote, how many of its layers are kept results (the others are
   * its "Original" and hidden mask layer).
   */
  psd?: { layers: number; groups: number; maskworkResults?: number };
  /**
   * A JPEG that stops before its end (an interrupted download or copy): what it holds opened, the rows
   * it lacks grey, and the stored original is that picture as a PNG. `missingRows`: grey rows at the
   * bottom of the stored image (0 when the whole picture is there but coarse, as a cut progressive file).
   */
  cutShort?: { missingRows: number };
  /** Bytes the renderer can decode for display (the file itself when possible). */
  display: Uint8Array;
  displayMime: 'image/jpeg' | 'image/png' | 'image/webp';
  /** Source file path when the image came from disk (shown in the title, never written to). */
  sourcePath?: string;
}

export interface ExportResult {
  path: string;
  width: number;
  height: number;
  format: 'png' | 'jpeg' | 'webp' | 'tiff' | 'psd';
  bytes: number;
  keptExif: boolean;
  keptIcc: boolean;
  /** The original's XMP went into the file. */
  keptXmp: boolean;
  /** The XMP edit record (the AI models used) went into the file. */
  editRecord: boolean;
  /** Bits per channel written (16 only for a 16-bit document exported as PNG, TIFF or PSD). */
  depth?: 8 | 16;
  /** What the user should be told about this export (depth reduced to 8 bits, CMYK converted to RGB). */
  notes?: string[];
}

export interface KeyStatus {
  provider: string;
  isSet: boolean;
  /**
   * Set in the renderer when the service refused this key (401); kept while main reports the same
   * key (set, same last four, same source) until a key is set or removed for the provider.
   */
  rejected?: boolean;
  /** When the service refused it (wall clock ms), with `rejected`. */
  rejectedAt?: number;
  /** Last four characters of the key, for recognition; never more. */
  last4?: string;
  /**
   * Where the key comes from: the OS keychain (encrypted at rest), the environment, this session
   * only (no secure storage: not written anywhere), or a file written without encryption.
   */
  source?: 'keychain' | 'environment' | 'memory' | 'plain-file';
  /** Set when the OS offers no secure storage backend: keys cannot be stored securely. */
  insecureStorage?: boolean;
  /** A stored key exists but cannot be decrypted on this system (kept on disk; enter it again to replace it). */
  unreadable?: boolean;
}

export interface GatewaySettings {
  id: string;
  name: string;
  /** OpenAI-compatible base URL including its version prefix, e.g. https://gw.example/v1. */
  baseURL: string;
  modelIds: string[];
  /** Catalog model whose size rules and prices the gateway's models follow (default gpt-image-2). */
  template?: 'gpt-image-2' | 'gpt-image-1.5' | 'gpt-image-1-mini';
}

export interface ProviderSettings {
  gateways: GatewaySettings[];
  secureStorageAvailable: boolean;
}

export type JobPhase = 'preparing' | 'waiting' | 'working';

export interface JobProgress {
  jobId: string;
  /** 0..1 over the whole job (all requests and tiles). */
  fraction: number;
  stage: string;
  /**
   * `preparing`: planning and encoding; `waiting`: a request is out and the service does not stream,
   * so the fraction will not move until it answers (show elapsed and expected time instead);
   * `working`: the fraction moves.
   */
  phase?: JobPhase;
  /**
   * Optional partial preview (encoded PNG/JPEG/WebP) for a candidate index; an edit's covers its
   * `region` (canvas pixels; the preview is that region scaled down). `area`: an edit in areas, the
   * preview is of that area's region alone (shown in its place with the other areas' latest; it does
   * not stand for the candidate in the strip).
   */
  preview?: { candidate: number; bytes: Uint8Array; region?: { x: number; y: number; width: number; height: number }; area?: number };
  /**
   * An edit candidate's pixels as soon as its patch is built, before main has encoded its PNG and
   * finished the job (issue 16): the renderer builds the bitmap meanwhile and asks `job:result` to
   * leave these pixels out (`have`). `size` is the candidate's region size, `origin` the region's
   * top-left on the canvas (the first candidate is shown there before the result); `sentAt` main's wall clock.
   */
  patch?: {
    candidate: number;
    size: { width: number; height: number };
    origin?: { x: number; y: number };
    pixels: PatchPixels;
    sentAt?: number;
  };
}

export interface CandidateResult {
  index: number;
  model: string;
  /** Asset id in main of the patch (for export and undo): an RGBA PNG of `region` size. */
  assetId: string;
  /**
   * The patch as its asset's PNG (outpaint): RGBA of `region` size; RGB = generated pixels, alpha =
   * feathered mask (0 outside the band). An edit sends `pixels` instead.
   */
  patch?: Uint8Array;
  /**
   * An edit's patch as raw sRGB RGBA of its non-transparent part (`pixels.rect` = `opaque`): the
   * image of the asset's PNG (which is in the original's colour space, with its profile), sent so the
   * renderer neither fetches nor decodes a PNG on the way to the screen (issue 16).
   */
  pixels?: PatchPixels;
  region: { x: number; y: number; width: number; height: number };
  requestSize: { width: number; height: number };
  costUsd: number;
  requestId?: string;
  seconds: number;
  /** Outpainting: how many tile requests produced this candidate. */
  tiles?: number;
  /** The offline engine's seed for this candidate (typed into the seed field, it repeats the result). */
  seed?: number;
  /** Outpainting: the part of `region` that was known (the request's `original`), which the patch fades into; opaque everywhere else. */
  extension?: { known: { x: number; y: number; width: number; height: number } };
  /** Text check: what the offline OCR read in the edited area and how it compares with the requested text. */
  textCheck?: TextVerdict & { ms: number };
  /** 0 for the job's first request, k for the k-th "retry until the text is right" request. */
  attempt?: number;
  /**
   * The part of `patch` with alpha > 0, relative to `region` (absent: all of it; null: none). The
   * renderer keeps only this part decoded: the rest is transparent.
   */
  opaque?: { x: number; y: number; width: number; height: number } | null;
  /** Main's timing spans of the job up to this candidate (wall clock, see shared/timing/spans.ts). */
  spans?: TimingSpan[];
}

export type JobResult =
  | { state: 'running'; fraction: number }
  | {
      state: 'done';
      candidates: CandidateResult[];
      /** When main handed the result out (wall clock ms). */
      sentAt?: number;
      /**
       * The job was cancelled part way and these are what it made before (JobContext.keepOnCancel: a
       * cancel during "Retry until the text is right"): the renderer says it was cancelled.
       */
      keptOnCancel?: true;
      /**
       * What the ledger counted for the job's requests (as for a failed one; absent when nothing): more
       * than its candidates' cost when a text retry was cancelled or failed after it was sent.
       */
      spentUsd?: number;
      spentRequests?: number;
    }
  /**
   * `spentUsd`: what the job's requests that reached a service cost (the spend ledger's count for
   * this job; absent when nothing was sent): a failed or cancelled job may still have been billed.
   * `spentRequests`: how many requests that was.
   */
  | { state: 'failed'; error: AppErrorInfo; spentUsd?: number; spentRequests?: number }
  | { state: 'cancelled'; spentUsd?: number; spentRequests?: number };

/** A project as opened (a `.maskwork` file, or the autosave): everything the renderer needs to show it. */
export interface OpenedProject {
  /**
   * The file it came from. The autosave: the project file its document was saved to, when main's
   * record still links them (the file exists and was not written after the autosave); else absent.
   */
  path?: string;
  /** File name, for the title bar. */
  name: string;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
  /** The document, its undo history and packed masks as JSON text (shared/project/project-schema.ts ProjectPayload). */
  project: string;
  /** The masks' tile pool (shared/project/mask-pack.ts). */
  tiles: Uint8Array;
  /**
   * Displayable bytes of every asset the project references that could be read: originals with EXIF
   * orientation applied (decodable by the browser), patches and references as stored.
   */
  assets: Record<string, { bytes: Uint8Array; mime: 'image/jpeg' | 'image/png' | 'image/webp' }>;
}

/** A recovered autosave: the same shape as an opened project (the autosave is written in the project format). */
export type RecoveredSession = OpenedProject;

/** A project written by Save / Save As. */
export interface ProjectSaved {
  path: string;
  name: string;
  /** File size in bytes. */
  bytes: number;
  savedAt: number;
}

/** One entry of the recent projects list (newest first). */
/** A photo opened lately from a file (the open dialog, or one the OS asked to open). */
export interface RecentPhoto {
  path: string;
  name: string;
  openedAt: number;
}

export interface RecentProject {
  path: string;
  name: string;
  savedAt: number;
}

/** What was spent on one day or in one month (local time of main), across documents. */
export interface SpendPeriod {
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month. */
  period: string;
  /** Estimated USD of every request sent (including ones cancelled after sending). */
  usd: number;
  /** Requests sent. */
  requests: number;
  /** Of those, requests the service rejected outright (not charged, not in `usd`). */
  rejected: number;
}

/** The app's spend ledger (main, settings folder), newest first. */
export interface SpendSummary {
  today: SpendPeriod;
  month: SpendPeriod;
  /** The last 31 days with any request. */
  days: SpendPeriod[];
  /** The last 12 months with any request. */
  months: SpendPeriod[];
}
