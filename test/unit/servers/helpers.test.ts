import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { decodeRgba, inspectImage, makeAlphaMask, makePng, makeWhiteMask, pixelAt } from '../../servers';
import { MODELS, autoSize, sizeCheck } from '../../servers/openai-rules';
import { startOpenAIServer } from '../../servers/openai-server';
import { startGeminiServer } from '../../servers/gemini-server';

describe('image helpers', () => {
  it('makePng / makeAlphaMask / makeWhiteMask', async () => {
    const p = await decodeRgba(await makePng(10, 6, [1, 2, 3, 128]));
    expect([p.width, p.height]).toEqual([10, 6]);
    expect(pixelAt(p, 9, 5)).toEqual([1, 2, 3, 128]);
    const mBuf = await makeAlphaMask(10, 10, { x: 2, y: 3, width: 4, height: 5 });
    expect(await inspectImage(mBuf)).toMatchObject({ kind: 'png', width: 10, height: 10, hasAlpha: true });
    const m = await decodeRgba(mBuf);
    expect(pixelAt(m, 2, 3)[3]).toBe(0);
    expect(pixelAt(m, 5, 7)[3]).toBe(0);
    expect(pixelAt(m, 6, 7)[3]).toBe(255);
    expect(pixelAt(m, 2, 8)[3]).toBe(255);
    const w = await decodeRgba(await makeWhiteMask(10, 10, { x: 0, y: 0, width: 5, height: 10 }));
    expect(pixelAt(w, 4, 9)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(w, 5, 0)).toEqual([0, 0, 0, 255]);
    expect(await inspectImage(Buffer.from('nope'))).toBeNull();
  });

  it('autoSize always yields a size the gpt-image-2 rules accept', () => {
    const spec = MODELS['gpt-image-2'];
    for (const [w, h] of [
      [1, 1],
      [64, 64],
      [10000, 10],
      [10, 10000],
      [5000, 3000],
      [1023, 767],
      [3840, 2160],
      [7000, 7000],
    ]) {
      const [W, H] = autoSize(spec, w, h);
      expect(sizeCheck('gpt-image-2', spec, `${W}x${H}`)).toEqual({ wh: [W, H] });
    }
    expect(autoSize(MODELS['gpt-image-1.5'], 1600, 900)).toEqual([1536, 1024]);
  });
});

describe('robustness', () => {
  it('servers survive a client that disconnects mid-upload and raw garbage', async () => {
    const oa = await startOpenAIServer();
    const gm = await startGeminiServer();
    try {
      for (const port of [oa.port, gm.port]) {
        await new Promise<void>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => {
            s.write('POST /v1/images/edits HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nAuthorization: Bearer k\r\n\r\npartial');
            setTimeout(() => {
              s.destroy();
              resolve();
            }, 50);
          });
        });
        await new Promise<void>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => s.write('\x00\x01garbage\r\n\r\n'));
          s.on('data', () => {});
          s.on('close', () => resolve());
          s.on('error', () => resolve());
        });
      }
      const r = await fetch(`${oa.url}/images/generations`, {
        method: 'POST',
        headers: { authorization: 'Bearer k' },
        body: JSON.stringify({ model: 'gpt-image-2', prompt: 'x', size: '1024x1024' }),
      });
      expect(r.status).toBe(200);
    } finally {
      await oa.close();
      await gm.close();
    }
  });

  it('close() returns promptly while a request hangs', async () => {
    const oa = await startOpenAIServer();
    oa.script({ hangMs: 60_000 });
    const p = fetch(`${oa.url}/images/generations`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: '{}' }).catch(
      (e: unknown) => e,
    );
    // Wait until the server holds the request (on a loaded machine that can take longer than a fixed sleep).
    while (oa.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    await oa.close();
    expect(Date.now() - t0).toBeLessThan(3000); // the request would hang for 60 s
    expect(await p).toBeInstanceOf(Error);
    expect(oa.requests[0].outcome).toBe('hung');
  });
});
