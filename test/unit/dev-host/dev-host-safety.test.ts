/**
 * The dev host's file and request safety (issue 10): exports use only the basename of the name the
 * page suggests and never replace a file; a malformed % escape is a 400; bodies are limited; the
 * session's temp folder goes away on Ctrl+C.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');
const PHOTO = resolve(REPO, '../shared/testdata/photos/coffee.png');

interface Host {
  child: ChildProcess;
  base: string;
  token: string;
  exited: Promise<number | null>;
}

async function startHost(env: Record<string, string>): Promise<Host> {
  const child = spawn(process.execPath, ['out/dev-host/index.js'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((res) => child.on('exit', (code, signal) => res(code ?? (signal ? -1 : null))));
  const [base, token] = await new Promise<[string, string]>((res, rej) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)#token=([A-Za-z0-9_-]+)/.exec(out);
      if (m) res([m[1], m[2]]);
    });
    child.on('exit', (c) => rej(new Error(`dev host exited ${c}`)));
    setTimeout(() => rej(new Error('dev host did not print its URL')), 15_000);
  });
  return { child, base, token, exited };
}

let tmp: string;
let host: Host;
let small: Host;
let work: string;
let hostTmp: string;

beforeAll(async () => {
  if (!existsSync(resolve(REPO, 'out/dev-host/index.js'))) throw new Error('dev host not built: run `npm run build`');
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-devhost-safety-'));
  work = join(tmp, 'exports', 'inner');
  hostTmp = join(tmp, 'host-tmp');
  await mkdir(work, { recursive: true });
  await mkdir(hostTmp);
  await copyFile(PHOTO, join(tmp, 'photo.png'));
  host = await startHost({ MASKWORK_DEV_DIR: work, MASKWORK_OPEN: join(tmp, 'photo.png'), TMPDIR: hostTmp });
  small = await startHost({ MASKWORK_DEV_MAX_BODY_BYTES: '4096' });
});
afterAll(async () => {
  host?.child.kill();
  small?.child.kill();
  await rm(tmp, { recursive: true, force: true });
});

const rpc = (h: Host, channel: string, body: unknown) =>
  fetch(`${h.base}__maskwork/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-maskwork-token': h.token },
    body: JSON.stringify(body),
  });

/** A raw request, so the test controls Content-Length and chunking. */
function rawPost(h: Host, path: string, headers: Record<string, string>, body: Buffer): Promise<number> {
  const u = new URL(h.base);
  return new Promise((res, rej) => {
    const r = request(
      { host: u.hostname, port: u.port, path, method: 'POST', headers: { 'x-maskwork-token': h.token, ...headers } },
      (resp) => {
        resp.resume();
        res(resp.statusCode ?? 0);
      },
    );
    r.on('error', rej);
    r.write(body);
    if (!headers['content-length']) r.end();
  });
}

describe('dev host exports', () => {
  it('keep only the basename of the suggested name (no ../ escape) and never replace a file (a taken name gets a number)', async () => {
    const opened = await (await rpc(host, 'image:open', {})).json();
    expect(opened.ok).toBe(true);
    const req = {
      canvas: { width: opened.value.width, height: opened.value.height },
      layers: [{ assetId: opened.value.assetId, x: 0, y: 0 }],
      format: 'png',
      suggestedName: '../../escape.png',
    };
    const first = await (await rpc(host, 'image:export', req)).json();
    expect(first.ok).toBe(true);
    expect(first.value.path).toBe(join(work, 'escape.png'));
    expect(existsSync(join(tmp, 'escape.png'))).toBe(false);
    expect(existsSync(join(tmp, 'exports', 'escape.png'))).toBe(false);

    const bytes = await readFile(join(work, 'escape.png'));
    // A second export to the same name goes to the next free number (it was refused, with no way to choose a name).
    const second = await (await rpc(host, 'image:export', req)).json();
    expect(second.ok).toBe(true);
    expect(second.value.path).toBe(join(work, 'escape 2.png'));
    expect(Buffer.compare(await readFile(join(work, 'escape.png')), bytes)).toBe(0);

    // A name that is only a path part falls back to a plain name in the export folder.
    await writeFile(join(work, 'unrelated.txt'), 'x');
    const dots = await (await rpc(host, 'image:export', { ...req, suggestedName: '..' })).json();
    expect(dots.ok).toBe(true);
    expect(dots.value.path).toBe(join(work, 'photo-edited.png'));
    expect((await readdir(work)).sort()).toEqual(['escape 2.png', 'escape.png', 'photo-edited.png', 'unrelated.txt']);
  });
});

describe('dev host requests', () => {
  it('answers a malformed % escape with 400 (not 500), on the RPC and the static paths', async () => {
    const r = await fetch(`${host.base}__maskwork/rpc/%E0%A4%A`, {
      method: 'POST',
      headers: { 'x-maskwork-token': host.token },
      body: '{}',
    });
    expect(r.status).toBe(400);
    expect((await fetch(`${host.base}%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${host.base}index.html`)).status).toBe(200);
  });

  it('limits the body: a declared or streamed body over the limit is 413, one under it is served', async () => {
    expect(await rawPost(host, '/__maskwork/rpc/app:info', { 'content-length': String(600 * 2 ** 20) }, Buffer.from('{'))).toBe(413);
    expect(await rawPost(small, '/__maskwork/rpc/app:info', { 'content-length': '5000' }, Buffer.alloc(10, 32))).toBe(413);
    const streamed = Buffer.from(JSON.stringify({ pad: 'x'.repeat(8000) }));
    expect(await rawPost(small, '/__maskwork/rpc/app:info', { 'transfer-encoding': 'chunked' }, streamed)).toBe(413);
    const ok = await rpc(small, 'app:info', {});
    expect(ok.status).toBe(200);
    expect((await ok.json()).ok).toBe(true);
  });
});

describe('dev host temp folder', () => {
  it('is removed on Ctrl+C (SIGINT)', async () => {
    const before = await readdir(hostTmp);
    expect(before.some((d) => d.startsWith('maskwork-dev-'))).toBe(true);
    host.child.kill('SIGINT');
    expect(await host.exited).toBe(130);
    expect(await readdir(hostTmp)).toEqual([]);
  });
});
