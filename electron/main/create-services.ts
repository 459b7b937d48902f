/** Builds the main-process services for a host (the Electron app, the dev host, the e2e harness, the CLI). */
import { join } from 'node:path';
import { LaunchFiles } from './services/launch-files';
import { RecentPhotos } from './services/recent-photos';
import { AssetStore } from './services/asset-store';
import type { Dialogs } from './services/dialogs';
import { GatewayStore } from './services/gateway-store';
import { KeyStore, memoryBackend, type SecretBackend } from './services/key-store';
import { JobRunner } from './jobs/job-runner';
import { AutosaveStore } from './services/autosave-store';
import { RecoveryOffer } from './services/recovery-offer';
import { SpendLedger, type SpendCounter } from './services/spend-ledger';
import { SpendGate } from './services/spend-gate';
import { PrefsStore } from './services/prefs-store';
import { ProjectSession } from './project/project-session';
import { BatchService } from './batch/batch-service';
import { BatchStore } from './batch/batch-store';
import { OutpaintPrep } from './edit/outpaint-prepare';
import type { SpendCap } from '../../shared/prefs/spend-cap';

/** Everything main's handlers and jobs may use; built by createServices for each host. */
export interface MainServices {
  version: string;
  host: 'electron' | 'dev-host' | 'test' | 'cli';
  store: AssetStore;
  dialogs: Dialogs;
  keys: KeyStore;
  gateways: GatewayStore;
  jobs: JobRunner;
  /** The crash-safe autosave of the open document (next to the settings, or the assets without them). */
  autosave: AutosaveStore;
  /** What was spent per day, across documents (settings folder; memory without one), behind the spend cap. */
  ledger: SpendGate;
  /** The user's app settings: routing rules, learned latencies, prompt history and presets (settings folder; memory without one). */
  prefs: PrefsStore;
  /** The session offered at startup, written out as a project before another document's autosave replaces it. */
  recoveryOffer: RecoveryOffer;
  /** The open document's project file and the recent projects (`recent-projects.json` beside the settings). */
  projects: ProjectSession;
  /** The first tile of the outpaint the renderer is set up for, prepared before Generate. */
  outpaintPrep: OutpaintPrep;
  /** The persisted batch queue (`batches.json` in the settings folder; memory without one). */
  batches: BatchService;
  /** The photos opened lately from a file (`recent-photos.json` beside the settings; memory without one). */
  recentPhotos: RecentPhotos;
  /** Files the OS asked the app to open ("Open with", a second launch), until the renderer takes them. */
  launchFiles: LaunchFiles;
  /** Environment seen by main (OPENAI_BASE_URL, GOOGLE_GEMINI_BASE_URL, MASKWORK_*); injected for tests. */
  env: Record<string, string | undefined>;
}

/** What resolving a model id to a provider needs (keys, gateways, base-URL overrides). */
export type ModelServices = Pick<MainServices, 'keys' | 'gateways' | 'env'>;
/** What an edit or outpaint job needs: model resolution, the asset store and the spend ledger. */
export type JobServices = ModelServices &
  Pick<MainServices, 'store'> & { ledger: SpendCounter } & Partial<Pick<MainServices, 'prefs' | 'outpaintPrep'>>;

export interface ServiceOptions {
  host: MainServices['host'];
  version: string;
  /** Folder for session assets (originals, patches). */
  assetDir: string;
  /** Folder for settings (keys, gateways, the spend ledger); null keeps them in memory. */
  settingsDir: string | null;
  dialogs: Dialogs;
  secretBackend?: SecretBackend;
  env?: Record<string, string | undefined>;
  /** The queue of files the OS asked to open (made before the app is ready, when it has one). */
  launchFiles?: LaunchFiles;
  /**
   * The spend ledger's file and the spend cap, when they are not the settings folder's (the CLI: the
   * app's ledger and the cap in the app's prefs.json, with no other settings).
   */
  spend?: { ledgerFile: string; cap: () => SpendCap | undefined };
}

/**
 * The services every host shares; the autosave lives in `<settingsDir or assetDir>/autosave/`, a
 * session another document replaced before it was restored in `…/Recovered/`.
 */
export function createServices(o: ServiceOptions): MainServices {
  const svc: MainServices = {
    host: o.host,
    version: o.version,
    store: new AssetStore(o.assetDir),
    dialogs: o.dialogs,
    keys: new KeyStore(o.settingsDir ? join(o.settingsDir, 'keys.json') : null, o.secretBackend ?? memoryBackend, o.env ?? process.env),
    gateways: new GatewayStore(o.settingsDir ? join(o.settingsDir, 'gateways.json') : null),
    jobs: new JobRunner(2),
    autosave: new AutosaveStore(join(o.settingsDir ?? o.assetDir, 'autosave')),
    ledger: undefined as unknown as SpendGate, // set below: the cap is in the prefs
    prefs: new PrefsStore(o.settingsDir ? join(o.settingsDir, 'prefs.json') : null),
    projects: new ProjectSession(o.settingsDir ? join(o.settingsDir, 'recent-projects.json') : null),
    outpaintPrep: new OutpaintPrep(),
    launchFiles: o.launchFiles ?? new LaunchFiles(),
    recentPhotos: new RecentPhotos(o.settingsDir ? join(o.settingsDir, 'recent-photos.json') : null),
    batches: undefined as unknown as BatchService, // set below: it needs the services it belongs to
    recoveryOffer: undefined as unknown as RecoveryOffer, // set below: it writes with the store and the recent list
    env: o.env ?? process.env,
  };
  const ledger = new SpendLedger(o.spend?.ledgerFile ?? (o.settingsDir ? join(o.settingsDir, 'spend-ledger.json') : null));
  svc.ledger = new SpendGate(ledger, o.spend?.cap ?? (() => svc.prefs.get().spendCap));
  svc.recoveryOffer = new RecoveryOffer({
    store: svc.store,
    autosave: svc.autosave,
    dir: join(o.settingsDir ?? o.assetDir, 'Recovered'),
    app: o.version,
    addRecent: (path, savedAt) => svc.projects.addRecent(path, savedAt),
  });
  svc.batches = new BatchService(svc, new BatchStore(o.settingsDir ? join(o.settingsDir, 'batches.json') : null));
  return svc;
}
