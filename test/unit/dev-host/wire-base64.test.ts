/** The native base64 the transports pass to the wire codec agrees with the portable one, both ways. */
import { describe, expect, it } from 'vitest';
import { nodeBase64 } from '../../../electron/dev-host/node-base64';
import { decodeWire, encodeWire, portableBase64 } from '../../../shared/ipc/wire-codec';

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

describe('wire codec with native base64', () => {
  it.each([0, 1, 2, 3, 4, 5, 4096 * 3 + 1, 100_003])('%i bytes: Node and portable encode alike and decode each other', (n) => {
    const b = bytes(n, n + 7);
    const a = nodeBase64.encode(b);
    expect(a).toBe(portableBase64.encode(b));
    expect(Array.from(portableBase64.decode(a))).toEqual(Array.from(b));
    expect(Array.from(nodeBase64.decode(a))).toEqual(Array.from(b));
  });

  it('decodes to an exclusive copy (no view into a shared pool) and round-trips nested values', () => {
    const small = nodeBase64.decode(nodeBase64.encode(bytes(10, 1)));
    expect(small.byteOffset).toBe(0);
    expect(small.buffer.byteLength).toBe(10);
    const value = { a: [bytes(7, 2), { b: bytes(300, 3) }], n: 1, s: 'x' };
    const wire = JSON.parse(JSON.stringify(encodeWire(value, nodeBase64)));
    expect(JSON.stringify(wire)).toBe(JSON.stringify(encodeWire(value)));
    const back = decodeWire(wire, nodeBase64) as typeof value;
    expect(Array.from(back.a[0] as Uint8Array)).toEqual(Array.from(value.a[0] as Uint8Array));
    expect(back.n).toBe(1);
  });
});
