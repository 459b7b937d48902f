/**
 * The parallel PNG encoder never takes every thread of libuv's pool: file reads and writes share it,
 * and with every thread deflating a read waited 0.4–0.9 s (a CLI fill's ICC lookup once waited 0.8 s).
 */
import { describe, expect, it, vi } from 'vitest';
import { availableParallelism } from 'node:os';

let inFlight = 0;
let most = 0;
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>();
  return {
    ...zlib,
    createDeflate: (...args: Parameters<typeof zlib.createDeflate>) => {
      const z = zlib.createDeflate(...args);
      inFlight++;
      most = Math.max(most, inFlight);
      z.on('end', () => inFlight--);
      return z;
    },
  };
});

const { bandSlots, encodePng } = await import('../../../electron/main/export/png-encode');

describe('bands in flight', () => {
  it('two per core, one pool thread always left free', () => {
    expect(bandSlots(2, 4)).toBe(3);
    expect(bandSlots(16, 4)).toBe(3);
    expect(bandSlots(1, 4)).toBe(2);
    expect(bandSlots(8, 64)).toBe(16);
    expect(bandSlots(4, 1)).toBe(1);
  });

  it('an encode of many bands deflates several at once, never on every thread of the pool', async () => {
    const width = 512;
    const height = 512;
    const data = new Uint8Array(width * height * 3);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
    const rows = { width, height, channels: 3 as const, rows: (a: number, b: number) => data.subarray(a * width * 3, b * width * 3) };
    // 64 KB bands: 13 of them, far more than the pool has threads.
    await encodePng(rows, { bandBytes: 64 * 1024 });
    expect(most).toBeGreaterThanOrEqual(2);
    expect(most).toBeLessThanOrEqual(Math.min(2 * availableParallelism(), 3));
  });
});
