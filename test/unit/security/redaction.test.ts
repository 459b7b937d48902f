/**
 * No key leaves main in any field: errors (message, rule, requestId, model), job results, progress
 * events and the CLI's --json, in plain, URL-encoded and base64 form, for OpenAI, Gemini and a
 * gateway (electron/main/services/redact.ts at the dispatch and job boundaries).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { channelNames } from '../../../shared/ipc/contract';
import { dispatch, type HandlerTable } from '../../../electron/main/ipc/dispatch';
import { redactDeep, redactSecrets, registerSecret } from '../../../electron/main/services/redact';
import { startMainWithServers, type CloudHarness } from '../../support/main-harness';
import { importSmallPhoto, smallEdit, type SmallEdit } from '../../support/small-edit';
import { TEST_KEYS, expectNoSecret, secretEncodings } from '../../support/secrets';
import { withTestSettings } from '../../support/cli-run';

let cloud: CloudHarness;
let photo: SmallEdit;
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeAll(async () => {
  cloud = await startMainWithServers({ OPENAI_API_KEY: TEST_KEYS.openai, GEMINI_API_KEY: TEST_KEYS.gemini });
  photo = await importSmallPhoto(cloud.main);
  await cloud.main.call('keys:set', { provider: 'gateway:gw', key: TEST_KEYS.gateway });
  await cloud.main.call('gateways:set', { id: 'gw', name: 'Local gateway', baseURL: cloud.openai.url, modelIds: ['gpt-image-2'] });
});
afterAll(async () => cloud?.close());

/** An error body that echoes the key in every field the OpenAI mapper reads. */
function openaiEcho(key: string) {
  return {
    status: 400,
    headers: { 'x-request-id': `req_${key}` },
    body: {
      error: {
        message: `Bad value ${encodeURIComponent(key)} (${b64(key)}) for Authorization: Bearer ${key}`,
        type: 'invalid_request_error',
        param: key,
        code: b64(key),
      },
    },
  };
}

describe('job results carry no key', () => {
  it('OpenAI: a key echoed in param, code, message and x-request-id is redacted everywhere', async () => {
    cloud.openai.script(openaiEcho(TEST_KEYS.openai));
    const { result, direct } = await smallEdit(cloud.main, photo, 'gpt-image-2');
    expect(result.state === 'failed' && result.error.kind).toBe('invalid-request');
    expectNoSecret(result);
    expectNoSecret(direct);
  });

  it('OpenAI: a successful answer whose request id echoes the key', async () => {
    cloud.openai.script({ headers: { 'x-request-id': `req_${TEST_KEYS.openai}` } });
    const { result, direct } = await smallEdit(cloud.main, photo, 'gpt-image-2');
    expect(result.state).toBe('done');
    expectNoSecret(result);
    // The CLI reads results straight from the job runner, not through dispatch.
    expectNoSecret(direct);
  });

  it('Gemini: a key echoed in the error message (plain and base64) and in responseId', async () => {
    cloud.gemini.script({
      status: 400,
      body: { error: { code: 400, message: `Key ${TEST_KEYS.gemini} / ${b64(TEST_KEYS.gemini)} rejected`, status: 'INVALID_ARGUMENT' } },
    });
    const failed = await smallEdit(cloud.main, photo, 'gemini-3.1-flash-image');
    expect(failed.result.state === 'failed' && failed.result.error.kind).toBe('invalid-request');
    expectNoSecret(failed.result);
    cloud.gemini.script({ responseId: `resp-${encodeURIComponent(TEST_KEYS.gemini)}` });
    const ok = await smallEdit(cloud.main, photo, 'gemini-3.1-flash-image');
    expect(ok.result.state).toBe('done');
    expectNoSecret(ok.result);
  });

  it('gateway: its key echoed in param and x-request-id', async () => {
    cloud.openai.script(openaiEcho(TEST_KEYS.gateway));
    const { result } = await smallEdit(cloud.main, photo, 'gateway:gw/gpt-image-2');
    expect(result.state === 'failed' && result.error.kind).toBe('invalid-request');
    expectNoSecret(result);
  });

  it('progress events carry no key', () => {
    expectNoSecret(cloud.main.progress);
  });
});

describe('redactDeep / redactSecrets', () => {
  it('redacts registered keys in every form, in nested values and object keys, leaving bytes alone', () => {
    const key = 'Pz8/wq+Ok=Ln5Tr2Xv-deep';
    registerSecret(key);
    const bytes = new Uint8Array([1, 2, 3]);
    const out = redactDeep({
      a: [{ b: `x${key}y` }, secretEncodings(key), `Basic ${secretEncodings(key)[7]}`],
      [`id-${key}`]: 1,
      bytes,
      n: 5,
      nothing: null,
    }) as Record<string, unknown>;
    expectNoSecret(out, [key]);
    expect(out.bytes).toBe(bytes);
    expect(out.n).toBe(5);
    expect(out.nothing).toBeNull();
  });

  it('redacts common secret shapes', () => {
    const shapes = [
      ['Authorization: Bearer abc.DEF-123_xyz', 'abc.DEF-123_xyz'],
      ['x-api-key: q1w2e3r4t5y6', 'q1w2e3r4t5y6'],
      ['"x-api-key":"q1w2e3r4t5y7"', 'q1w2e3r4t5y7'],
      ['api-key=q1w2e3r4t5y8', 'q1w2e3r4t5y8'],
      ['the key sk-proj-Abcdef1234567890 leaked', 'sk-proj-Abcdef1234567890'],
      ['AIzaSyA1234567890abcdefghijklmnopq', 'AIzaSyA1234567890abcdefghijklmnopq'],
      ['https://x.test/v1?key=AbCdEf123456&alt=sse', 'AbCdEf123456'],
      ['x-goog-api-key: zzzzzz1234567', 'zzzzzz1234567'],
    ];
    for (const [text, secret] of shapes) expect(redactSecrets(text)).not.toContain(secret);
  });

  it('leaves asset ids and ordinary words alone', () => {
    const ids = ['mask-0123456789abcdef0123456789abcdef', 'patch-0123456789abcdef0123456789abcdef', 'desk-lamp', 'task-force'];
    for (const id of ids) expect(redactSecrets(id)).toBe(id);
  });
});

describe('dispatch redacts every field of every value leaving main', () => {
  const key = 'Qm4/Ht+Zs=Vb6Np3Wc-dispatch';
  registerSecret(key);
  function table(handler: HandlerTable['app:info']): HandlerTable {
    const t: Record<string, unknown> = {};
    for (const c of channelNames) t[c] = async () => ({});
    t['app:info'] = handler;
    return t as HandlerTable;
  }

  it('in AppError fields other than message', async () => {
    const r = await dispatch(
      table(async () => {
        throw new AppError({ kind: 'invalid-request', message: 'no', rule: key, requestId: encodeURIComponent(key), model: b64(key) });
      }),
      'app:info',
      {},
      { emit: () => {} },
    );
    expect(r.ok).toBe(false);
    expectNoSecret(r, [key]);
  });

  it('in returned values and in emitted events', async () => {
    const emitted: unknown[] = [];
    const r = await dispatch(
      table(async (_req, ctx) => {
        ctx.emit('job:progress', { jobId: 'j', fraction: 0.5, stage: `stage ${key}` });
        return { version: key, host: 'test', platform: 'linux' } as never;
      }),
      'app:info',
      {},
      { emit: (_n, p) => emitted.push(p) },
    );
    expect(r.ok).toBe(true);
    expectNoSecret(r, [key]);
    expect(emitted).toHaveLength(1);
    expectNoSecret(emitted, [key]);
  });

  it('in unexpected errors', async () => {
    const r = await dispatch(
      table(async () => {
        throw new Error(`boom ${b64(key)}`);
      }),
      'app:info',
      {},
      { emit: () => {} },
    );
    expectNoSecret(r, [key]);
  });
});

describe('the CLI prints no key (--json and stderr)', () => {
  const REPO = resolve(__dirname, '../../..');
  const PHOTOS = resolve(REPO, '../shared/testdata/photos');

  function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    if (!existsSync(join(REPO, 'out/cli/index.js'))) throw new Error('CLI not built: run `npm run build` (npm test does).');
    return new Promise((res) => {
      execFile(
        process.execPath,
        [join(REPO, 'bin/maskwork.mjs'), ...args],
        { env: withTestSettings({ PATH: process.env.PATH ?? '', ...env }), timeout: 60_000 },
        (err, stdout, stderr) => res({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it('an error echoing the key in every field', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'maskwork-redact-cli-'));
    try {
      cloud.openai.script(openaiEcho(TEST_KEYS.openai));
      const r = await runCli(
        [
          'edit',
          '--image',
          join(PHOTOS, 'coffee.png'),
          '--mask',
          join(PHOTOS, 'coffee.mask-box.png'),
          '--prompt',
          'x',
          '--model',
          'gpt-image-2',
          '--out',
          join(tmp, 'out.png'),
          '--json',
        ],
        { OPENAI_API_KEY: TEST_KEYS.openai, OPENAI_BASE_URL: cloud.openai.url, MASKWORK_MAX_RETRIES: '0' },
      );
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).error.kind).toBe('invalid-request');
      expectNoSecret([r.stdout, r.stderr]);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
