/**
 * electron/main/ipc/dispatch.ts: the result shape every IPC call gets. Expected failures (AppError)
 * keep their kind and details; anything else becomes `internal` with secrets redacted and no stack.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { channelNames } from '../../../shared/ipc/contract';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../electron/main/ipc/dispatch';
import { registerSecret } from '../../../electron/main/services/redact';

const ctx: HandlerContext = { emit: () => {} };

function tableWith(infoHandler: () => Promise<unknown>): HandlerTable {
  const t: Record<string, unknown> = {};
  for (const c of channelNames) t[c] = async () => ({ unused: c });
  t['app:info'] = infoHandler;
  return t as HandlerTable;
}

describe('dispatch', () => {
  it('a handler value comes back as {ok:true, value}', async () => {
    const r = await dispatch(
      tableWith(async () => ({ version: '1', host: 'test', platform: 'linux' })),
      'app:info',
      {},
      ctx,
    );
    expect(r).toEqual({ ok: true, value: { version: '1', host: 'test', platform: 'linux' } });
  });

  it('the handler gets the parsed request and the context', async () => {
    let seen: unknown[] = [];
    const t = tableWith(async () => null);
    (t as any)['job:cancel'] = async (req: unknown, c: unknown) => {
      seen = [req, c];
      return { cancelled: true };
    };
    const r = await dispatch(t, 'job:cancel', { jobId: 'j-7' }, ctx);
    expect(r).toEqual({ ok: true, value: { cancelled: true } });
    expect(seen[0]).toEqual({ jobId: 'j-7' });
    // The context's emit reaches the caller's (through the redaction wrapper).
    const emitted: unknown[] = [];
    await dispatch(t, 'job:cancel', { jobId: 'j-8' }, { emit: (_n, p) => emitted.push(p) });
    (seen[1] as HandlerContext).emit('job:progress', { jobId: 'j-8', fraction: 0.5, stage: 's' });
    expect(emitted).toEqual([{ jobId: 'j-8', fraction: 0.5, stage: 's' }]);
  });

  it('an AppError passes through with its kind, message and details', async () => {
    const info = {
      kind: 'rate-limit' as const,
      message: 'Slow down: the provider allows 5 requests a minute.',
      model: 'gpt-image-1',
      requestId: 'req_123',
      retryAfterSeconds: 30,
    };
    const r = await dispatch(
      tableWith(async () => {
        throw new AppError(info);
      }),
      'app:info',
      {},
      ctx,
    );
    expect(r).toEqual({ ok: false, error: info });
  });

  it('an AppError message is redacted too', async () => {
    const r = await dispatch(
      tableWith(async () => {
        throw new AppError({ kind: 'auth', message: 'Rejected key sk-proj-abcdefghijklmnop1234 for this model.' });
      }),
      'app:info',
      {},
      ctx,
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'auth' } });
    if (!r.ok) {
      expect(r.error.message).not.toContain('abcdefghijklmnop1234');
      expect(r.error.message).toContain('[redacted]');
    }
  });

  it('a thrown plain Error becomes kind "internal", names the channel, is redacted, has no stack', async () => {
    const secret = 'customGatewayToken_77QQ99';
    registerSecret(secret);
    const err = new Error(`fetch failed: Authorization: Bearer abc.def.ghi for ${secret} at https://x/?key=AIzaSyA1234567890abcdefghijkl`);
    const r = await dispatch(
      tableWith(async () => {
        throw err;
      }),
      'app:info',
      {},
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('internal');
    expect(r.error.message).toContain('app:info');
    expect(r.error.message).toContain('fetch failed');
    for (const leaked of [secret, 'abc.def.ghi', 'AIzaSyA1234567890abcdefghijkl']) expect(r.error.message).not.toContain(leaked);
    expect(r.error.message).not.toMatch(/\n\s+at /);
    expect(r.error.message.length).toBeLessThanOrEqual(400);
    expect(Object.keys(r.error).sort()).toEqual(['kind', 'message']);
  });

  it('a thrown non-Error value becomes internal too', async () => {
    const r = await dispatch(
      tableWith(async () => {
        throw 'string thrown sk-abcdefghijklmnopqrst';
      }),
      'app:info',
      {},
      ctx,
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } });
    if (!r.ok) expect(r.error.message).not.toContain('sk-abcdefghijklmnopqrst');
  });
});
