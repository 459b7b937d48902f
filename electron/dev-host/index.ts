/**
 * `npm run dev`: the whole app in a browser for machines that cannot run Electron. The renderer is
 * served on 127.0.0.1 and its `window.maskwork` calls go over loopback HTTP (guarded by a random
 * per-run token sent in a custom header, which cross-origin pages cannot send) to the SAME handler
 * table the Electron app registers with ipcMain. Dialogs are answered from the terminal's cwd.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { launchPaths } from '../main/services/launch-files';
import { assetKeepDays, sweepAssets } from '../main/services/asset-sweep';
import { createServices } from '../main/create-services';
import { createHandlers } from '../main/ipc/handlers';
import { dispatch } from '../main/ipc/dispatch';
import { decodeWire, encodeWire } from '../../shared/ipc/wire-codec';
import { BytesDrop } from './bytes-drop';
import { EVENT_STREAM_PATH, EventStreams } from './event-stream';
import { nodeBase64 } from './node-base64';
import { startStaticServer } from './static-server';
import { terminalDialogs } from './terminal-dialogs';

const here = dirname(fileURLToPath(import.meta.url));
const token = randomBytes(18).toString('base64url');
const bytes = new BytesDrop();
const streams = new EventStreams(nodeBase64);

/**
 * Largest RPC body: the contract's largest payload (400 MB of bytes) as base64 in JSON, plus room
 * for the rest. `MASKWORK_DEV_MAX_BODY_BYTES` lowers it (tests).
 */
const MAX_BODY_BYTES = Number(process.env.MASKWORK_DEV_MAX_BODY_BYTES) || Math.ceil((400 * 2 ** 20 * 4) / 3) + 2 ** 20;

// MASKWORK_DEV_SETTINGS names a settings folder that outlives the process (autosave, assets, gateways),
// so a restarted dev host offers to restore the session like the app does. Without it the session's
// assets live in a temp folder that goes away with the process (exit, Ctrl+C, kill).
const settingsDir = process.env.MASKWORK_DEV_SETTINGS ? resolve(process.env.MASKWORK_DEV_SETTINGS) : null;
const assetDir = settingsDir ? join(settingsDir, 'assets') : mkdtempSync(join(tmpdir(), 'maskwork-dev-'));
const removeAssets = () => {
  if (!settingsDir) rmSync(assetDir, { recursive: true, force: true });
};
process.on('exit', removeAssets);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    removeAssets();
    process.exit(code);
  });
}

const services = createServices({
  host: 'dev-host',
  version: JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')).version,
  assetDir,
  settingsDir,
  dialogs: terminalDialogs(process.env.MASKWORK_DEV_DIR ? resolve(process.env.MASKWORK_DEV_DIR) : homedir()),
});
// `npm run dev -- photo.jpg` (or `node out/dev-host/index.js photo.jpg`) opens the file once the page
// loads, as a double-click on it opens it in the app (the files the OS asks to open: launch-files.ts).
services.launchFiles.add(launchPaths(process.argv, process.env.INIT_CWD ?? process.cwd(), 2));
const table = createHandlers(services);
// With a settings folder that outlives the process, its asset folder is swept as the app's is.
if (settingsDir)
  void sweepAssets(settingsDir, services.autosave, services.store, assetKeepDays(process.env)).then(
    (r) => r?.removed && console.log(`Removed ${r.removed} unreferenced assets of earlier sessions (${Math.round(r.bytes / 1024)} kB).`),
    () => {},
  );

/** Ends the request with an empty error response; `true` = the request was handled. */
function refuse(res: ServerResponse, status: 403 | 400 | 413): true {
  res.writeHead(status, status === 413 ? { connection: 'close' } : {}).end();
  return true;
}

/** The request body, or null once it passes `max` bytes (declared or received). */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > max) return null;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of req) {
    total += (c as Buffer).length;
    if (total > max) return null;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/__maskwork/') || url.pathname === '/__maskwork/bridge.js') return false;
  const host = req.headers.host ?? '';
  if (!/^127\.0\.0\.1:\d+$/.test(host)) return refuse(res, 403);
  // One-time tickets for large result bytes (unguessable; fetched once by the page, then gone).
  if (bytes.serve(req, res)) return true;
  // Main's events, as binary frames on one long-lived response per tab (event-stream.ts).
  if (url.pathname.startsWith(EVENT_STREAM_PATH)) {
    if (url.searchParams.get('token') !== token) return refuse(res, 403);
    return streams.route(req, res);
  }
  if (req.method !== 'POST' || req.headers['x-maskwork-token'] !== token) return refuse(res, 403);
  let channel: string;
  try {
    channel = decodeURIComponent(url.pathname.slice('/__maskwork/rpc/'.length));
  } catch {
    return refuse(res, 400); // malformed % escape
  }
  const socket = req.socket;
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!body) {
    res.on('finish', () => socket?.destroy()); // stop receiving the rest
    return refuse(res, 413);
  }
  let payload: unknown;
  try {
    payload = decodeWire(JSON.parse(body.toString('utf8')), nodeBase64);
  } catch {
    return refuse(res, 400);
  }
  const result = await dispatch(table, channel, payload, {
    emit: (name, body) => {
      streams.broadcast(name, body);
    },
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(encodeWire(result, nodeBase64, bytes.drop)));
  return true;
}

/** The dev host's port unless PORT says otherwise. */
const DEV_PORT = 5178;

const server = await startStaticServer({
  root: resolve(here, '../renderer'),
  bridgeScript: readFileSync(join(here, 'bridge.js'), 'utf8'),
  route,
  // One port from run to run (another when it is taken), so the page's origin — and what the app keeps in
  // its localStorage: the last model, the export settings — survives a restart of `npm run dev`.
  port: process.env.PORT ? Number(process.env.PORT) : DEV_PORT,
  anyPortIfTaken: !process.env.PORT,
});
console.log(`Maskwork dev host (loopback only). Open:\n  ${server.url}#token=${token}`);
