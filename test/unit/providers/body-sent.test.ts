import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { nextBodySent } from '../../../electron/main/providers/body-sent';

let server: http.Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

describe('nextBodySent (work that waits until the request has left main)', () => {
  it('resolves once a fetch body is sent, while the server still holds the request', async () => {
    const order: string[] = [];
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        order.push('server has the body');
        setTimeout(() => res.end('ok'), 300);
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const sent = nextBodySent(10_000).then(() => order.push('body sent'));
    const form = new FormData();
    form.append('image', new File([new Uint8Array(300_000)], 'image.jpg', { type: 'image/jpeg' }));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/images/edits`, { method: 'POST', body: form });
    order.push(`answer ${await res.text()}`);
    await sent;
    expect(order.indexOf('body sent')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('body sent')).toBeLessThan(order.indexOf('answer ok'));
  });

  it('falls back to its timer when no request is sent', async () => {
    const t0 = performance.now();
    await nextBodySent(40);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(35);
  });
});
