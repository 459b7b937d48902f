/** Removes anything that looks like an API key from text that may reach a log, a file or the renderer. */
const KEY_PATTERNS = [
  /sk-[A-Za-z0-9_-]{8,}/g,
  /AIza[0-9A-Za-z_-]{20,}/g,
  /(Bearer\s+)[^\s"']+/gi,
  /([?&]key=)[^&\s"']+/gi,
  /(x-goog-api-key["':\s]+)[^\s"',}]+/gi,
];

const registered = new Set<string>();

/** Registers a secret so it is redacted wherever it appears, whatever its shape. */
export function registerSecret(secret: string): void {
  if (secret.length >= 6) registered.add(secret);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const s of registered) out = out.split(s).join('[redacted]');
  for (const re of KEY_PATTERNS) out = out.replace(re, (_m, p1) => (typeof p1 === 'string' ? `${p1}[redacted]` : '[redacted]'));
  return out;
}
