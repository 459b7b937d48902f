/**
 * `npm run dev`'s host: the built renderer on loopback with the browser bridge injected, and RPC
 * into the same handler table guarded by a per-run token in a custom header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');
let child: ChildProcess;
let base = '';
let token = '';

beforeAll(async () => {
  if (!existsSync(resolve(REPO, 'out/dev-host/index.js'))) throw new Error('dev host not built: run `npm run build`');
  child = spawn(process.execPath, ['out/dev-host/index.js'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((res, rej) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)#token=([A-Za-z0-9_-]+)/.exec(out);
      if (m) res(`${m[1]}|${m[2]}`);
    });
    child.on('exit', (c) => rej(new Error(`dev host exited ${c}`)));
    setTimeout(() => rej(new Error('dev host did not print its URL')), 15_000);
  });
  [base, token] = url.split('|');
});
afterAll(() => {
  child?.kill();
});

const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}__maskwork/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('dev host', () => {
  it('listens on loopback only and serves the renderer with the CSP and the bridge script', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const res = await fetch(base);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toContain('__maskwork/bridge.js');
  });

  it('answers RPC through the real handlers with the token, and refuses without it', async () => {
    const ok = await rpc('app:info', {}, { 'x-maskwork-token': token });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ ok: true, value: { host: 'dev-host' } });
    expect((await rpc('app:info', {})).status).toBe(403);
    expect((await rpc('app:info', {}, { 'x-maskwork-token': 'wrong' })).status).toBe(403);
  });

  it("opens a tab's event stream only with the token", async () => {
    expect((await fetch(`${base}__maskwork/event-stream/tab-0123456789`)).status).toBe(403);
    expect((await fetch(`${base}__maskwork/event-stream/tab-0123456789?token=wrong`)).status).toBe(403);
    const ctl = new AbortController();
    const ok = await fetch(`${base}__maskwork/event-stream/tab-0123456789?token=${token}`, { signal: ctl.signal });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/octet-stream');
    ctl.abort();
  });

  it('validates payloads like the app does', async () => {
    const res = await rpc('image:import', { bytes: 'not bytes', name: 'x.png' }, { 'x-maskwork-token': token });
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.error.kind).toBe('validation');
  });

  it('refuses requests for another Host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const u = new URL(base);
    const status = await new Promise<number>((res) => {
      const r = request(
        {
          host: u.hostname,
          port: u.port,
          path: '/__maskwork/rpc/app:info',
          method: 'POST',
          headers: { host: 'evil.example', 'x-maskwork-token': token, 'content-type': 'application/json' },
        },
        (resp) => res(resp.statusCode ?? 0),
      );
      r.end('{}');
    });
    expect(status).toBe(403);
  });
});
