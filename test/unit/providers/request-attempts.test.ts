/** Whether a failed or cancelled call may have been charged, from its HTTP attempts. */
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { mayHaveBeenCharged, withAttemptLog, type AttemptLog } from '../../../electron/main/providers/request-attempts';

describe('mayHaveBeenCharged', () => {
  it('is undefined with no attempt seen, so the caller goes by the error', () => {
    expect(mayHaveBeenCharged({ attempts: [] })).toBeUndefined();
  });
  it('is false when no body reached the service, or every one that did was refused with a 4xx', () => {
    expect(mayHaveBeenCharged({ attempts: [{ bodySent: false }] })).toBe(false);
    expect(
      mayHaveBeenCharged({
        attempts: [
          { bodySent: true, status: 429 },
          { bodySent: true, status: 429 },
        ],
      }),
    ).toBe(false);
    expect(mayHaveBeenCharged({ attempts: [{ bodySent: true, status: 401 }, { bodySent: false }] })).toBe(false);
  });
  it('is true when a body reached the service and was not refused: no answer yet, a 5xx, a 200', () => {
    expect(mayHaveBeenCharged({ attempts: [{ bodySent: true }] })).toBe(true);
    expect(
      mayHaveBeenCharged({
        attempts: [
          { bodySent: true, status: 500 },
          { bodySent: true, status: 429 },
        ],
      }),
    ).toBe(true);
    expect(mayHaveBeenCharged({ attempts: [{ bodySent: true }, { bodySent: true, status: 429 }] })).toBe(true);
  });
  it("takes the error's word for the last attempt (a block before anything was made), not for earlier ones", () => {
    expect(mayHaveBeenCharged({ attempts: [{ bodySent: true, status: 200 }] }, true)).toBe(false);
    expect(mayHaveBeenCharged({ attempts: [{ bodySent: true }, { bodySent: true, status: 200 }] }, true)).toBe(true);
  });
});

describe('withAttemptLog', () => {
  it("records each of a call's fetches with its status and body, and none of another call's", async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.statusCode = req.url === '/busy' ? 429 : 200;
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const mine: AttemptLog = { attempts: [] };
      const other: AttemptLog = { attempts: [] };
      await Promise.all([
        withAttemptLog(mine, async () => {
          await (await fetch(`${url}/busy`, { method: 'POST', body: 'x'.repeat(1000) })).text();
          await (await fetch(`${url}/ok`, { method: 'POST', body: 'y' })).text();
        }),
        withAttemptLog(other, async () => (await fetch(`${url}/ok`)).text()),
        (await fetch(`${url}/ok`)).text(),
      ]);
      expect(mine.attempts).toEqual([
        { bodySent: true, status: 429 },
        { bodySent: true, status: 200 },
      ]);
      expect(other.attempts).toEqual([{ bodySent: true, status: 200 }]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('an upload cut off by a cancel is not a sent body', async () => {
    // A server that takes the connection but never reads: the 64 MB body cannot all be written.
    const server = createServer((req) => req.pause());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/edits`;
    try {
      const log: AttemptLog = { attempts: [] };
      const abort = new AbortController();
      const call = withAttemptLog(log, () => fetch(url, { method: 'POST', body: new Uint8Array(64 << 20), signal: abort.signal }));
      await new Promise((r) => setTimeout(r, 300));
      abort.abort();
      await expect(call).rejects.toThrow();
      expect(log.attempts).toEqual([{ bodySent: false }]);
      expect(mayHaveBeenCharged(log)).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
