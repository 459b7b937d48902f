/**
 * THE IPC contract: every channel between the renderer and main, with its request schema (validated
 * in main before any handler runs) and its response type. The preload builds one bridge function per
 * channel from this table; main answers every channel through `dispatch()` with the table from `createHandlers()`.
 * Adding a channel here is the only way to open a door between the processes.
 */
import * as s from './schema';
import { batchChangedEvent, batchChannels } from './batch-contract';
import { jobProgressEvent } from './job-progress';
import {
  apiKey,
  assetId,
  exportLayer,
  gatewaySettings,
  imageFormat,
  outpaintRequest,
  placedLayer,
  providerId,
  rect,
} from './contract-schemas';
import type {
  AppInfo,
  ExportResult,
  OpenedImage,
  OpenedProject,
  RecentPhoto,
  ProjectSaved,
  RecentProject,
  JobResult,
  KeyStatus,
  ProviderSettings,
  RecoveredSession,
  SpendSummary,
} from './contract-types';
import type { AppPrefs } from '../prefs/app-prefs';
import { MAX_CAP_USD } from '../prefs/spend-cap';

/** Largest project record (document + undo history + mask references, JSON text); pixels never go in it. */
export const PROJECT_MAX_CHARS = 64 * 1024 * 1024;
/** Largest packed mask tile pool a project may carry (each tile is compressed). */
export const PROJECT_MAX_TILE_BYTES = 1024 * 1024 * 1024;

export const channels = {
  'app:info': { request: s.object({}), response: s.type<AppInfo>() },
  /**
   * Shows the OS open dialog in main, then imports the chosen file. With `checkLater`, the full
   * decode that proves the file intact runs alongside the renderer's: adopt it only after `image:check`.
   */
  'image:open': {
    request: s.object({ checkLater: s.optional(s.boolean()) }),
    response: s.type<OpenedImage | { project: OpenedProject } | { canceled: true }>(),
  },
  /**
   * Imports bytes the renderer got from drag-and-drop or the clipboard (`checkLater` as for `image:open`).
   * `path`: where a dropped file came from, set by the preload from the dropped File (the bridge takes
   * `file`, never a path from the page); main opens it as a file only if it holds exactly these bytes.
   */
  'image:import': {
    request: s.object({
      bytes: s.bytes({ maxBytes: 400 * 1024 * 1024 }),
      name: s.string({ min: 1, max: 512 }),
      checkLater: s.optional(s.boolean()),
      path: s.optional(s.string({ min: 1, max: 4096 })),
    }),
    response: s.type<OpenedImage>(),
  },
  /**
   * Files the OS asked the app to open ("Open with", a double-click, a second launch): the caller is
   * told of each that arrives from now on (`launch:file`); answers how many launches wait already.
   */
  'launch:watch': { request: s.object({}), response: s.type<{ waiting: number }>() },
  /**
   * Opens the oldest file the OS asked for (main holds the path: the renderer never names one), as
   * `image:open` opens a chosen file; `skipped`: the other files of that launch, not opened.
   */
  'launch:take': {
    request: s.object({ checkLater: s.optional(s.boolean()) }),
    response: s.type<((OpenedImage | { project: OpenedProject }) & { skipped: string[] }) | { none: true }>(),
  },
  /** The photos opened lately from a file, newest first. */
  'image:recent': { request: s.object({}), response: s.type<RecentPhoto[]>() },
  /** Opens a photo from the recent photos (the only path the renderer may name), as `image:open` opens a chosen one. */
  'image:reopen': {
    request: s.object({ recentPath: s.string({ min: 1, max: 4096 }), checkLater: s.optional(s.boolean()) }),
    response: s.type<OpenedImage>(),
  },
  /**
   * File › Revert of a photo: reads the open document's photo again from its file. `path` is the
   * document's `original.sourcePath`; main opens it only if it read `original` (the document's photo
   * asset) from that file, so the renderer can name no other path — whether or not the photo is still
   * on the recent photos list (it fell off after ten others and Revert was refused).
   */
  'image:revert': {
    request: s.object({ original: assetId, path: s.string({ min: 1, max: 4096 }), checkLater: s.optional(s.boolean()) }),
    response: s.type<OpenedImage>(),
  },
  /** Waits for the check of an image opened with `checkLater`; fails with its bad-image error. */
  'image:check': { request: s.object({ assetId }), response: s.type<{ checked: true }>() },
  /** Stores a bitmap the renderer produced (an accepted patch) and returns its asset id. */
  'asset:put': {
    request: s.object({ bytes: s.bytes({ maxBytes: 400 * 1024 * 1024 }), kind: s.oneOf(['patch', 'mask', 'reference'] as const) }),
    response: s.type<{ assetId: string }>(),
  },
  /**
   * Composites the layers at full resolution in main (the first layer is the original, decoded by the
   * same decoder that opened it) and writes a new file chosen in the save dialog. Never overwrites the
   * source file unless `allowOverwriteSource` is set.
   */
  /**
   * A patch asset's PNG, read back: a kept edit candidate's full-resolution bitmap is rebuilt from it
   * when the view needs it again (the renderer keeps no raw pixels of kept layers). Patch ids only.
   */
  'asset:patch': { request: s.object({ assetId }), response: s.type<{ png: Uint8Array }>() },
  'image:export': {
    request: s.object({
      canvas: s.object({ width: s.number({ int: true, min: 1, max: 100_000 }), height: s.number({ int: true, min: 1, max: 100_000 }) }),
      layers: s.array(exportLayer, { min: 1, max: 256 }),
      format: imageFormat,
      quality: s.optional(s.number({ int: true, min: 1, max: 100 })),
      tiffCompression: s.optional(s.oneOf(['deflate', 'lzw'] as const)),
      /** JPEG from a JPEG original: keep its compressed data outside the edit (default true); false re-encodes all at `quality`. */
      jpegKeepOriginal: s.optional(s.boolean()),
      /** The current mask as a grey PNG asset at x,y: a PSD keeps it as a hidden layer. */
      mask: s.optional(placedLayer),
      /** For the XMP edit record: the models of the kept results; prompts only if the user opted in. */
      provenance: s.optional(
        s.object({
          models: s.array(s.string({ min: 1, max: 200 }), { max: 256 }),
          prompts: s.optional(s.array(s.string({ max: 32_000 }), { max: 256 })),
        }),
      ),
      suggestedName: s.optional(s.string({ max: 255 })),
      allowOverwriteSource: s.optional(s.boolean()),
      /**
       * A running edit's candidate as the top layer, placed at its region, which lies inside `rect`:
       * the export starts at once and waits for the job only for the rows `rect` covers (the CLI
       * writes a PNG while the edit runs). A job that fails or is cancelled fails the export, and
       * nothing is written.
       */
      pendingLayer: s.optional(
        s.object({
          jobId: s.string({ min: 1, max: 64 }),
          candidate: s.number({ int: true, min: 0, max: 63 }),
          rect,
          name: s.optional(s.string({ max: 255 })),
        }),
      ),
    }),
    response: s.type<ExportResult | { canceled: true }>(),
  },
  /**
   * Merge down: `upper` composited Normal over `lower` (each with its opacity and layer mask) into one
   * patch covering both, in the colour space of `original` (the photo the patches belong to); `png`
   * is the new patch's bytes, for the renderer to show.
   */
  'layers:merge': {
    request: s.object({ original: assetId, lower: placedLayer, upper: placedLayer }),
    response: s.type<{ assetId: string; png: Uint8Array; x: number; y: number; width: number; height: number }>(),
  },
  /**
   * Ctrl+J on the original's row: the original (`original`, the open photo's asset) as a new patch of
   * its whole size, its pixels as edits read them, in its colour space (as a merged layer is made).
   */
  'layers:original': {
    request: s.object({ original: assetId }),
    response: s.type<{ assetId: string; png: Uint8Array; width: number; height: number }>(),
  },
  'keys:status': { request: s.object({}), response: s.type<KeyStatus[]>() },
  'keys:set': {
    request: s.object({ provider: providerId, key: apiKey }),
    response: s.type<KeyStatus>(),
  },
  'keys:remove': {
    request: s.object({ provider: providerId }),
    response: s.type<KeyStatus>(),
  },
  'providers:get': { request: s.object({}), response: s.type<ProviderSettings>() },
  /**
   * Starts a masked edit (any model, including `local`). Main renders the current composite of the
   * region, plans a model-legal request, calls the provider, and returns candidates as patches
   * (RGBA, alpha = feathered mask) whose pixels outside the feather band are the original's.
   */
  'edit:start': {
    request: s.object({
      canvas: s.object({ width: s.number({ int: true, min: 1, max: 100_000 }), height: s.number({ int: true, min: 1, max: 100_000 }) }),
      layers: s.array(placedLayer, { min: 1, max: 256 }),
      /** The mask inside `rect` as an encoded PNG (grey: R = value), rect in document px. */
      mask: s.object({ png: s.bytes({ maxBytes: 200 * 1024 * 1024 }), rect }),
      prompt: s.string({ max: 32_000 }),
      /** Catalog id, or `gateway:<gatewayId>/<modelId>`. */
      model: s.string({ min: 1, max: 200 }),
      n: s.number({ int: true, min: 1, max: 10 }),
      quality: s.optional(s.oneOf(['low', 'medium', 'high', 'auto'] as const)),
      imageSize: s.optional(s.oneOf(['512', '1K', '2K', '4K'] as const)),
      references: s.array(assetId, { max: 15 }),
      featherPx: s.number({ int: true, min: 0, max: 256 }),
      colorMatch: s.boolean(),
      /** Local engine seed of the first candidate (candidate i uses seed + i). */
      seed: s.optional(s.number({ int: true, min: 0, max: 2 ** 31 - 1 })),
      /** Read back the requested text in every candidate (offline OCR); retry within a budget until it is right. */
      textCheck: s.optional(
        s.object({
          text: s.string({ min: 1, max: 500 }),
          old: s.optional(s.string({ min: 1, max: 500 })),
          /** More requests (one candidate each) allowed while no candidate is right. */
          retries: s.number({ int: true, min: 0, max: 10 }),
          /** Spend cap of those retries in USD. */
          maxUsd: s.optional(s.number({ min: 0, max: 1000 })),
          /** Model of the retries (default: the job's model). */
          retryModel: s.optional(s.string({ min: 1, max: 200 })),
          /**
           * How many of the request's first layers are the document; the rest are a candidate being
           * refined. The text is read over the document alone, before and after (as the result is kept).
           */
          documentLayers: s.optional(s.number({ int: true, min: 1, max: 10_000 })),
        }),
      ),
    }),
    response: s.type<{ jobId: string }>(),
  },
  /**
   * Extends the canvas with generated content: the planner's model-legal tiles run in order, each
   * seeing the ones before; the candidate is one canvas-sized patch (new area + overlap band).
   */
  'outpaint:start': {
    request: outpaintRequest,
    response: s.type<{ jobId: string }>(),
  },
  /**
   * The outpaint the document is set up for, before Generate: main prepares its first tile's request
   * (working canvas, scale, pre-fill, encode) meanwhile. The prompt, n and seed are not used. Answers
   * at once; the preparation is used only by an `outpaint:start` with the same inputs.
   */
  'outpaint:prepare': { request: outpaintRequest, response: s.type<{ preparing: boolean }>() },
  /**
   * The offline engine is the chosen model and a mask is being painted: main has a warm engine worker
   * ready for Generate (a small warm-up fill in an idle worker; issue 13). Fire and forget: nothing in
   * the document changes; nothing is done for another model, while a fill runs, or when one is warm.
   */
  'engine:warm': {
    request: s.object({ model: s.string({ min: 1, max: 200 }) }),
    response: s.type<{ state: 'started' | 'warming' | 'warm' | 'busy' | 'off' | 'not-local' }>(),
  },
  'gateways:set': { request: gatewaySettings, response: s.type<ProviderSettings>() },
  'gateways:remove': {
    request: s.object({ id: s.string({ min: 1, max: 40, pattern: /^[a-z0-9-]+$/ }) }),
    response: s.type<ProviderSettings>(),
  },
  'job:cancel': { request: s.object({ jobId: s.string({ min: 1, max: 64 }) }), response: s.type<{ cancelled: boolean }>() },
  'job:result': {
    request: s.object({
      jobId: s.string({ min: 1, max: 64 }),
      /** Candidate indexes whose pixels came ahead in `job:progress` (left out of the answer). */
      have: s.optional(s.array(s.int(0, 1000), { max: 64 })),
    }),
    response: s.type<JobResult>(),
  },
  /**
   * Crash-safe autosave of the open document in the project format (shared/project/project-schema.ts):
   * its records, undo history and packed masks; main lists the assets (not embedded: they are in the
   * session's asset folder) and writes it atomically; the previous save stays until this one is complete.
   */
  'project:autosave': {
    request: s.object({
      project: s.jsonText({ maxChars: PROJECT_MAX_CHARS }),
      tiles: s.bytes({ maxBytes: PROJECT_MAX_TILE_BYTES }),
    }),
    /**
     * `keptAside`: this save replaced the session offered at startup (neither restored nor
     * discarded), which was first written out as a project of its own — where, or why it could not be.
     */
    response: s.type<{ savedAt: number; keptAside?: { path: string; name: string } | { failed: string } }>(),
  },
  /** The last complete autosave with the bytes of every asset it references, or null. */
  'project:recover': { request: s.object({}), response: s.type<RecoveredSession | null>() },
  /** Deletes the autosave (the user chose not to restore it). */
  'project:discard': { request: s.object({}), response: s.type<{ discarded: boolean }>() },
  /**
   * Saves the open document as a `.maskwork` project: its records, undo history and packed masks
   * (shared/project/project-schema.ts, validated in main) plus, added by main, the bytes of every
   * asset. Written to the document's own file, or — Save As, or no file yet — where the save dialog says.
   */
  'project:save': {
    request: s.object({
      project: s.jsonText({ maxChars: PROJECT_MAX_CHARS }),
      tiles: s.bytes({ maxBytes: PROJECT_MAX_TILE_BYTES }),
      saveAs: s.optional(s.boolean()),
    }),
    response: s.type<ProjectSaved | { canceled: true }>(),
  },
  /** Opens a project from the recent list (the only path the renderer may name). */
  'project:open': { request: s.object({ recentPath: s.string({ min: 1, max: 4096 }) }), response: s.type<OpenedProject>() },
  /**
   * File › Revert (F12): opens again the project file main links to document `docId` (the one it was
   * last saved to or opened from), so the renderer names no path. Refused when it has none.
   */
  'project:revert': { request: s.object({ docId: s.string({ min: 1, max: 200 }) }), response: s.type<OpenedProject>() },
  /** Opens a project the renderer got from drag-and-drop (it has no file: Save asks where). */
  'project:import': {
    request: s.object({
      bytes: s.bytes({ maxBytes: 1024 * 1024 * 1024 }),
      name: s.string({ min: 1, max: 512 }),
      path: s.optional(s.string({ min: 1, max: 4096 })),
    }),
    response: s.type<OpenedProject>(),
  },
  /** The recent projects, newest first. */
  'project:recent': { request: s.object({}), response: s.type<RecentProject[]>() },
  /** The app's spend ledger: today, this month, the last days and months (every request sent, across documents). */
  'spend:summary': { request: s.object({}), response: s.type<SpendSummary>() },
  /** The user's app settings in main: Auto's routing rules, learned latencies, prompt history and presets. */
  'prefs:get': { request: s.object({}), response: s.type<AppPrefs>() },
  /** Replaces the routing rules (JSON of RoutingSettings, validated in main). */
  'prefs:routing': { request: s.object({ settings: s.jsonText({ maxChars: 100_000 }) }), response: s.type<AppPrefs>() },
  /** Replaces the prompt presets (JSON of PromptPreset[], validated in main). */
  'prefs:presets': { request: s.object({ presets: s.jsonText({ maxChars: 300_000 }) }), response: s.type<AppPrefs>() },
  /** Settings → Spend cap: the most paid requests may cost per day and per month (a limit left out is off). */
  'prefs:spendCap': {
    request: s.object({
      dailyUsd: s.optional(s.number({ min: 0, max: MAX_CAP_USD })),
      monthlyUsd: s.optional(s.number({ min: 0, max: MAX_CAP_USD })),
    }),
    response: s.type<AppPrefs>(),
  },
  /** Adds a prompt to the recent prompts (global and, with `docKey`, the document's). */
  'prefs:prompt': {
    request: s.object({ prompt: s.string({ min: 1, max: 32_000 }), docKey: s.optional(s.string({ min: 1, max: 600 })) }),
    response: s.type<AppPrefs>(),
  },
  /** The Batch panel (shared/ipc/batch-contract.ts). */
  ...batchChannels,
} as const;

/** Main → renderer pushes. */
export const events = {
  /** Checked in the renderer before it is acted on (job-progress.ts). */
  'job:progress': jobProgressEvent,
  /** The OS asked to open a file (see `launch:watch`): its name, for the message. */
  'launch:file': s.type<{ name: string }>(),
  /** A batch's state or progress changed (see `batch:watch`): its id and state; the renderer reads the queue again at once. */
  'batch:changed': batchChangedEvent,
} as const;

export { rect as rectSchema, assetId as assetIdSchema, placedLayer as placedLayerSchema, providerId, apiKey, gatewaySettings };

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type EventName = keyof typeof events;
export type RequestOf<C extends Channel> = s.Infer<Channels[C]['request']>;
export type ResponseOf<C extends Channel> = s.Infer<Channels[C]['response']>;
export type EventPayload<E extends EventName> = s.Infer<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

/** IPC channel names used on the Electron transport (prefixed so nothing else can collide). */
export const ipcChannel = (c: Channel): string => `maskwork:${c}`;
export const IPC_EVENT_CHANNEL = 'maskwork:event';
