/**
 * Removes API keys from everything that leaves main (IPC results and errors, job results, progress
 * events, the CLI's output). Two nets:
 * - every key main has seen (`registerSecret`) is removed in every form it may travel in: plain,
 *   URL-encoded (once or twice), JSON-escaped, and base64/base64url at any byte alignment (so a key
 *   inside a base64-encoded "user:key" or header blob is caught too);
 * - common secret shapes are removed even when the key is unknown: `Bearer …`, `Basic …`, `sk-…`,
 *   `AIza…`, `x-api-key: …` / `x-goog-api-key` / `api-key=…` and `?key=…` in URLs.
 */
const SHAPES: Array<[RegExp, boolean]> = [
  // [pattern, keeps its first group (the label) and redacts the rest]
  [/(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{8,}/g, false],
  [/(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{20,}/g, false],
  [/(\bBearer\s+)[^\s"',;]+/gi, true],
  [/(\bBasic\s+)[A-Za-z0-9+/=]{8,}/g, true],
  [/((?:x-goog-api-key|x-api-key|api[-_]?key)["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"',;&}]+/gi, true],
  [/([?&](?:key|api_key|apikey|access_token|token)=)[^&\s"'#]+/gi, true],
];

/** Shortest derived form worth matching (shorter pieces would hit ordinary text). */
const MIN_FORM = 6;
const forms = new Set<string>();
/** All forms, longest first, so a longer form is replaced before a shorter one it contains. */
let ordered: string[] = [];
const registeredKeys = new Set<string>();

/** The characters of base64(prefix + secret) that depend on the secret's bytes only, for each alignment. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const std = padded.toString('base64').slice(start, end);
    out.push(std, std.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/** Registers a secret so it is redacted wherever it appears, in any of its encodings. */
export function registerSecret(secret: string | undefined): void {
  if (!secret || secret.length < MIN_FORM || registeredKeys.has(secret)) return;
  registeredKeys.add(secret);
  const once = encodeURIComponent(secret);
  const candidates = [
    secret,
    once,
    encodeURIComponent(once),
    once.replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    ...base64Cores(secret),
  ];
  for (const c of candidates) if (c.length >= MIN_FORM) forms.add(c);
  ordered = [...forms].sort((a, b) => b.length - a.length);
}

/** One string with every registered key form and every secret shape replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const s of ordered) if (out.includes(s)) out = out.split(s).join('[redacted]');
  for (const [re, keepLabel] of SHAPES) {
    re.lastIndex = 0;
    if (re.test(out)) {
      re.lastIndex = 0;
      out = out.replace(re, (_m, label: string) => (keepLabel ? `${label}[redacted]` : '[redacted]'));
    }
  }
  return out;
}

/** Deeper than any value main sends; anything below is dropped rather than walked. */
const MAX_DEPTH = 64;

/**
 * A copy of `value` with every string (object keys included) redacted, at any depth. Bytes
 * (typed arrays, ArrayBuffers) pass through untouched: they are images, not text.
 */
export function redactDeep<T>(value: T): T {
  return walk(value, 0) as T;
}

function walk(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return redactSecrets(v);
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v;
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
  if (v instanceof Error) return { name: v.name, message: redactSecrets(v.message) };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const key = redactSecrets(k);
    // Never let a (redacted) key name reach the prototype.
    if (key === '__proto__') continue;
    out[key] = walk(x, depth + 1);
  }
  return out;
}
