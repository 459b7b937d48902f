/** Test keys with characters that change under URL- and base64-encoding, and a check that no form of them leaked. */
import { expect } from 'vitest';

/** Keys that match none of the generic secret shapes, so only "known key" redaction can catch them. */
export const TEST_KEYS = {
  openai: 'zq9X/k2+Lm=P0oWv7Rt-openai',
  gemini: 'gq7/Yt+Rw=Z2xBn4Kd-gemini',
  gateway: 'hw3/Jk+Pq=M8vCz1Ty-gateway',
} as const;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** Whole encodings of a key as they may appear on the wire (base64 of the key behind 0–2 other bytes). */
export function secretEncodings(key: string): string[] {
  return [
    key,
    encodeURIComponent(key),
    encodeURIComponent(encodeURIComponent(key)),
    b64(key),
    b64url(key),
    b64(`x${key}`),
    b64(`xy${key}`),
    b64(`user:${key}`),
  ];
}

/** What must not survive of a key in any of those encodings: the key, its URL encodings, and the
 * parts of its base64 encodings that depend only on the key's bytes. */
export function secretForms(key: string): string[] {
  return [
    key,
    encodeURIComponent(key),
    encodeURIComponent(encodeURIComponent(key)),
    b64(key).replace(/=+$/, ''),
    b64url(key),
    b64(`x${key}`).slice(4, -4),
    b64(`xy${key}`).slice(4, -4),
  ];
}

/** Every string in a value (object keys included; bytes skipped), for leak checks. */
export function allStrings(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 64) return out;
  if (typeof v === 'string') out.push(v);
  else if (v instanceof Uint8Array) return out;
  else if (Array.isArray(v)) for (const x of v) allStrings(x, out, depth + 1);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      allStrings(x, out, depth + 1);
    }
  }
  return out;
}

/** Fails when any form of any key appears in any string of `value`. */
export function expectNoSecret(value: unknown, keys: readonly string[] = Object.values(TEST_KEYS)): void {
  const text = allStrings(value).join('\n');
  for (const key of keys) for (const form of secretForms(key)) expect(text, `leaked form ${form}`).not.toContain(form);
}
