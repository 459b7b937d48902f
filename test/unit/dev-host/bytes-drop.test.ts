/**
 * Large result bytes cross the dev host and the e2e harness as one-time tickets fetched as binary,
 * not as base64 inside JSON: encode → ticket, page fetches it once, decode → the same bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { BytesDrop, DROP_MIN_BYTES } from '../../../electron/dev-host/bytes-drop';
import { decodeWire, decodeWireFetching, encodeWire, portableBase64 } from '../../../shared/ipc/wire-codec';

const drop = new BytesDrop();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!drop.serve(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
});
afterAll(async () => {
  drop.clear();
  await new Promise((r) => server.close(r));
});

const fetchBytes = async (ref: string) => new Uint8Array(await (await fetch(new URL(ref, base))).arrayBuffer());

describe('bytes tickets', () => {
  it('sends large arrays as tickets and small ones inline; the page gets the same bytes back', async () => {
    const big = new Uint8Array(DROP_MIN_BYTES + 5).map((_, i) => (i * 31) & 255);
    const small = new Uint8Array([1, 2, 3]);
    const wire = JSON.parse(JSON.stringify(encodeWire({ ok: true, value: { patch: big, mask: small, n: 2 } }, portableBase64, drop.drop)));
    expect(JSON.stringify(wire)).not.toContain(Buffer.from(big.subarray(0, 30)).toString('base64'));
    expect(wire.value.patch).toEqual({ __bytes_ref: expect.stringMatching(/^\.\/__maskwork\/bytes\/[A-Za-z0-9_-]{24}$/) });
    expect(wire.value.mask).toEqual({ __bytes_b64: 'AQID' });
    expect(drop.size).toBe(1);
    const back = (await decodeWireFetching(wire, portableBase64, fetchBytes)) as {
      value: { patch: Uint8Array; mask: Uint8Array; n: number };
    };
    expect(Buffer.from(back.value.patch).equals(Buffer.from(big))).toBe(true);
    expect(Array.from(back.value.mask)).toEqual([1, 2, 3]);
    expect(back.value.n).toBe(2);
    expect(drop.size).toBe(0);
  });

  it('serves a ticket once, only to GET, and nothing for unknown ones', async () => {
    const ref = drop.drop(new Uint8Array(DROP_MIN_BYTES))!;
    const url = new URL(ref, base);
    expect((await fetch(url, { method: 'POST' })).status).toBe(404);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(new URL('./__maskwork/bytes/guess', base))).status).toBe(404);
  });

  it('a ticket is never accepted where the host reads what the page sent', () => {
    expect(() => decodeWire({ bytes: { __bytes_ref: './__maskwork/bytes/x' } }, portableBase64)).toThrow(/ticket/);
  });
});
