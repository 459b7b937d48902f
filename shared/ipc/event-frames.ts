/**
 * Binary event frames for the hosts that are not Electron (the e2e harness): one long-lived HTTP
 * response carries every event the host pushes to the page, each as a frame — its JSON and, after it,
 * the large byte arrays it refers to, as they are (no base64, no one-time ticket to fetch). The JSON
 * names each array `#i`, the i-th part of its frame.
 *
 * A frame: u32 JSON length, u32 part count, u32 per part length (little-endian), the JSON (UTF-8), the parts.
 */

/** The bytes that come before a frame's JSON. */
export function frameHeader(jsonBytes: number, parts: readonly Uint8Array[]): Uint8Array {
  const head = new Uint8Array(8 + 4 * parts.length);
  const view = new DataView(head.buffer);
  view.setUint32(0, jsonBytes, true);
  view.setUint32(4, parts.length, true);
  for (const [i, p] of parts.entries()) view.setUint32(8 + 4 * i, p.byteLength, true);
  return head;
}

export interface Frame {
  /** The frame's JSON, UTF-8 (decoded by the caller: shared code has no TextDecoder type). */
  json: Uint8Array;
  parts: Uint8Array[];
}

/** Largest frame accepted (a corrupt length never makes the page wait for gigabytes). */
const MAX_FRAME_BYTES = 1 << 30;
const MAX_PARTS = 1024;

/** Cuts a byte stream, arriving in chunks of any size, into frames. */
export class FrameReader {
  private chunks: Uint8Array[] = [];
  private buffered = 0;

  /** The frames completed by `chunk` (none, one or several). */
  push(chunk: Uint8Array): Frame[] {
    this.chunks.push(chunk);
    this.buffered += chunk.byteLength;
    const out: Frame[] = [];
    for (;;) {
      const frame = this.next();
      if (!frame) return out;
      out.push(frame);
    }
  }

  private next(): Frame | null {
    if (this.buffered < 8) return null;
    const head = this.peek(8);
    const view = new DataView(head.buffer, head.byteOffset, 8);
    const jsonBytes = view.getUint32(0, true);
    const count = view.getUint32(4, true);
    if (count > MAX_PARTS) throw new Error(`event frame with ${count} parts`);
    if (this.buffered < 8 + 4 * count) return null;
    const lens = this.peek(8 + 4 * count);
    const lv = new DataView(lens.buffer, lens.byteOffset, lens.byteLength);
    let total = 8 + 4 * count + jsonBytes;
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      sizes.push(lv.getUint32(8 + 4 * i, true));
      total += sizes[i];
    }
    if (total > MAX_FRAME_BYTES) throw new Error(`event frame of ${total} bytes`);
    if (this.buffered < total) return null;
    const all = this.take(total);
    let at = 8 + 4 * count;
    const json = all.subarray(at, at + jsonBytes);
    at += jsonBytes;
    const parts = sizes.map((n) => {
      const p = all.subarray(at, at + n);
      at += n;
      return p;
    });
    return { json, parts };
  }

  /** The first `n` buffered bytes (copied when they span chunks; nothing is consumed). */
  private peek(n: number): Uint8Array {
    if (this.chunks[0].byteLength >= n) return this.chunks[0].subarray(0, n);
    return this.copyOut(n, false);
  }

  /** Consumes the first `n` buffered bytes: a view of the first chunk, or one buffer of exactly `n` bytes. */
  private take(n: number): Uint8Array {
    const first = this.chunks[0];
    if (first.byteLength >= n) {
      if (first.byteLength === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return first.subarray(0, n);
    }
    return this.copyOut(n, true);
  }

  /** The first `n` bytes copied into a buffer of their own, consumed or not. */
  private copyOut(n: number, consume: boolean): Uint8Array {
    const out = new Uint8Array(n);
    let at = 0;
    let i = 0;
    while (at < n) {
      const c = this.chunks[i];
      const k = Math.min(c.byteLength, n - at);
      out.set(c.subarray(0, k), at);
      at += k;
      if (consume) {
        if (k === c.byteLength) this.chunks.shift();
        else this.chunks[0] = c.subarray(k);
      } else i++;
    }
    if (consume) this.buffered -= n;
    return out;
  }
}
