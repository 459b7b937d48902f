/**
 * Where a gateway key may be sent. A gateway's base URL must be https, except on this machine
 * (localhost, 127.0.0.0/8, [::1]) where plain http is fine; user names and passwords in the URL are
 * refused (keys belong in the key store). Used by main before saving and by the settings form.
 */
const URL_RE = /^(https?):\/\/([^/?#\s]*)([^\s]*)$/i;

/** True for the loopback host names and addresses. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '[::1]') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

/** Why this base URL may not carry a key, or null when it may. */
export function gatewayUrlProblem(url: string): string | null {
  const m = URL_RE.exec(url.trim());
  if (!m) return 'The base URL must start with https:// (or http:// for a gateway on this machine).';
  const [, scheme, authority] = m;
  if (authority.includes('@')) return 'The base URL must not contain a user name or password; set the key in its own field.';
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.replace(/:\d*$/, '');
  if (!host) return 'The base URL has no host name.';
  if (scheme.toLowerCase() !== 'https' && !isLoopbackHost(host))
    return 'A gateway on another machine must use https:// so its key is not sent in the clear.';
  return null;
}

/** The URL a key is bound to: trailing slashes do not count as a change. */
export function normalizeGatewayUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
