import { describe, expect, it } from 'vitest';
import { type Frame, FrameReader, frameHeader } from './event-frames';

const enc = new TextEncoder();
const dec = new TextDecoder();
function frame(json: string, parts: Uint8Array[]): Uint8Array {
  const j = enc.encode(json);
  const all = [frameHeader(j.byteLength, parts), j, ...parts];
  const out = new Uint8Array(all.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

describe('event frames (the harness pushes events with their bytes as they are)', () => {
  const big = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 255);
  const small = Uint8Array.of(1, 2, 3);
  const stream = new Uint8Array([
    ...frame('{"name":"a","ü":1}', []),
    ...frame('{"name":"b"}', [big, small]),
    ...frame('{"name":"c"}', [new Uint8Array(0)]),
  ]);

  for (const size of [1, 7, 4096, 65_536, stream.length]) {
    it(`reads the same frames whatever the chunk size (${size} bytes)`, () => {
      const r = new FrameReader();
      const got: Frame[] = [];
      for (let at = 0; at < stream.length; at += size) got.push(...r.push(stream.slice(at, at + size)));
      expect(got.map((f) => JSON.parse(dec.decode(f.json)).name)).toEqual(['a', 'b', 'c']);
      expect(JSON.parse(dec.decode(got[0].json)).ü).toBe(1);
      expect(Buffer.from(got[1].parts[0]).equals(Buffer.from(big))).toBe(true);
      expect([...got[1].parts[1]]).toEqual([1, 2, 3]);
      expect(got[2].parts[0].byteLength).toBe(0);
    });
  }

  it('waits for the rest of a frame, and refuses absurd headers', () => {
    const r = new FrameReader();
    const f = frame('{"name":"x"}', [big]);
    expect(r.push(f.slice(0, 100))).toEqual([]);
    expect(r.push(f.slice(100)).length).toBe(1);
    const bad = new Uint8Array(8);
    new DataView(bad.buffer).setUint32(4, 1_000_000, true);
    expect(() => new FrameReader().push(bad)).toThrow(/parts/);
  });
});
