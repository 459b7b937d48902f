/**
 * The dev host's port: the one asked for (the same from run to run, so the page's origin and its
 * localStorage — last model, export settings — survive a restart of `npm run dev`), another when it
 * is taken (a second dev host), and an error when a port named with PORT is taken.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../../../electron/dev-host/static-server';

const root = mkdtempSync(join(tmpdir(), 'maskwork-static-'));
const open: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c();
});

/** A port held by another server. */
async function takenPort(): Promise<number> {
  const s: Server = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  open.push(() => new Promise((r) => s.close(r)));
  return (s.address() as { port: number }).port;
}

const portOf = (url: string) => Number(new URL(url).port);

describe('dev host port', () => {
  it('listens on the port asked for, again after a restart', async () => {
    const port = await takenPort();
    await open.pop()!(); // free again
    const a = await startStaticServer({ root, port, anyPortIfTaken: true });
    expect(portOf(a.url)).toBe(port);
    await a.close();
    const b = await startStaticServer({ root, port, anyPortIfTaken: true });
    open.push(() => b.close());
    expect(portOf(b.url)).toBe(port);
  });

  it('takes another port when that one is taken, and fails when told to use exactly it', async () => {
    const port = await takenPort();
    const s = await startStaticServer({ root, port, anyPortIfTaken: true });
    open.push(() => s.close());
    expect(portOf(s.url)).not.toBe(port);
    expect(portOf(s.url)).toBeGreaterThan(0);
    await expect(startStaticServer({ root, port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
