// Shared fixtures for the provider tests: requests at exact region sizes, rect masks, and a way to
// capture the typed error a provider throws.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderCallContext, ProviderEditRequest } from '../../../electron/main/providers/provider-types';
import { makePng, type Rect } from '../../servers';

/** Source colour of every fixture image. */
export const SRC: [number, number, number] = [100, 150, 200];

/** An 8-bit mask (255 = change) with `rect` editable. */
export function rectMask(width: number, height: number, rect: Rect): Uint8Array {
  const m = new Uint8Array(width * height);
  for (let y = rect.y; y < rect.y + rect.height; y++) m.fill(255, y * width + rect.x, y * width + rect.x + rect.width);
  return m;
}

/** A request whose left half (x < width/2) is editable unless `rect` says otherwise. */
export async function editRequest(over: Partial<ProviderEditRequest> & { rect?: Rect } = {}): Promise<ProviderEditRequest> {
  const size = over.size ?? { width: 1024, height: 1024 };
  const rect = over.rect ?? { x: 0, y: 0, width: size.width / 2, height: size.height };
  const { rect: _r, ...rest } = over;
  return {
    model: 'gpt-image-2',
    prompt: 'a red door',
    image: new Uint8Array(await makePng(size.width, size.height, [...SRC, 255])),
    mask: rectMask(size.width, size.height, rect),
    size,
    n: 1,
    quality: 'low',
    references: [],
    ...rest,
  };
}

/** A call context with a fresh signal (or the given one). */
export function callCtx(signal: AbortSignal = new AbortController().signal, extra: Partial<ProviderCallContext> = {}): ProviderCallContext {
  return { signal, ...extra };
}

export { appErrorOf } from '../../support/app-error';

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Milliseconds taken by `fn`. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - t };
}
