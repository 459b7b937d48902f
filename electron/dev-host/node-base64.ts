/** Node's native base64 for the wire codec (the dev host server and the e2e harness). */
import type { Base64Codec } from '../../shared/ipc/wire-codec';

export const nodeBase64: Base64Codec = {
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  // A copy, not a view: small Buffers share Node's allocation pool.
  decode: (b64) => new Uint8Array(Buffer.from(b64, 'base64')),
};
