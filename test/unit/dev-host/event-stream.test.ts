import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventStreams } from '../../../electron/dev-host/event-stream';
import { nodeBase64 } from '../../../electron/dev-host/node-base64';
import { FrameReader } from '../../../shared/ipc/event-frames';
import { decodeWire } from '../../../shared/ipc/wire-codec';

let server: http.Server | null = null;
afterEach(() => server?.close());

async function serve(streams: EventStreams): Promise<string> {
  server = http.createServer((req, res) => {
    if (!streams.route(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('EventStreams (events pushed to a page as binary frames)', () => {
  it('delivers events in order with their large bytes as they are, small ones inline', async () => {
    const streams = new EventStreams(nodeBase64);
    const base = await serve(streams);
    const id = 'page-0123456789';
    expect(streams.send(id, 'job:progress', { a: 1 })).toBe(false); // no stream open yet: the caller's fallback
    const res = await fetch(`${base}/__maskwork/event-stream/${id}`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const big = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) & 255);
    expect(streams.send(id, 'job:progress', { jobId: 'j', patch: { pixels: { rgba: big } }, small: Uint8Array.of(9, 8) })).toBe(true);
    expect(streams.send(id, 'job:done', { n: 2 })).toBe(true);
    const reader = res.body!.getReader();
    const frames = new FrameReader();
    const got: { name: string; payload: any }[] = [];
    const utf8 = new TextDecoder();
    while (got.length < 2) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const f of frames.push(value)) {
        const { name, payload } = JSON.parse(utf8.decode(f.json));
        got.push({ name, payload: decodeWire(payload, nodeBase64, (ref) => f.parts[Number(ref.slice(1))]) });
      }
    }
    expect(got.map((g) => g.name)).toEqual(['job:progress', 'job:done']);
    expect(Buffer.from(got[0].payload.patch.pixels.rgba).equals(Buffer.from(big))).toBe(true);
    expect([...got[0].payload.small]).toEqual([9, 8]);
    expect(got[1].payload).toEqual({ n: 2 });
    streams.close();
    await reader.cancel().catch(() => {});
  });

  it("broadcasts an event to every open stream (the dev host's tabs), none when none is open", async () => {
    const streams = new EventStreams(nodeBase64);
    const base = await serve(streams);
    expect(streams.broadcast('job:progress', { a: 1 })).toBe(false);
    const tabs = await Promise.all(['tab-aaaaaaaaaa', 'tab-bbbbbbbbbb'].map((id) => fetch(`${base}/__maskwork/event-stream/${id}`)));
    const big = new Uint8Array(100_000).fill(7);
    expect(streams.broadcast('job:progress', { bytes: big })).toBe(true);
    const utf8 = new TextDecoder();
    for (const res of tabs) {
      const reader = res.body!.getReader();
      const frames = new FrameReader();
      let got: { name: string; bytes: Uint8Array } | null = null;
      while (!got) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const f of frames.push(value)) {
          const { name, payload } = JSON.parse(utf8.decode(f.json));
          got = { name, bytes: decodeWire(payload, nodeBase64, (ref) => f.parts[Number(ref.slice(1))]) as any };
          got.bytes = (got.bytes as any).bytes;
        }
      }
      expect(got?.name).toBe('job:progress');
      expect(got?.bytes.length).toBe(100_000);
      expect(got?.bytes.every((v) => v === 7)).toBe(true);
      await reader.cancel().catch(() => {});
    }
    streams.close();
  });

  it('refuses a malformed stream id or method', async () => {
    const base = await serve(new EventStreams(nodeBase64));
    expect((await fetch(`${base}/__maskwork/event-stream/x`)).status).toBe(400);
    expect((await fetch(`${base}/__maskwork/event-stream/abcdefghij`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });
});
