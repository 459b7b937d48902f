/**
 * A tile's rate limit or service error on the outpaint's progress line (edit/outpaint-wait.ts), as
 * an edit's (test/e2e/rate-limit-wait.e2e.test.ts, test/unit/providers/openai-provider.test.ts): GPT
 * Image 2 answers the tile 429 (or 503) with Retry-After 1 s, the OpenAI SDK waits and tries again
 * (one retry allowed), and meanwhile the bar reads "The extension · OpenAI is limiting requests:
 * trying again in 1 s", then "… waiting for GPT Image 2: tried again" until the tile is back. It read
 * "The extension · waiting for GPT Image 2" all along, with no word of why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMainWithServers, type CloudHarness } from '../../support/main-harness';
import { extendToAspect, planOutpaint } from '../../../shared/geometry';
import { getModel } from '../../../shared/models';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startMainWithServers({ MASKWORK_STREAM: '0', MASKWORK_MAX_RETRIES: '1' });
});
afterAll(async () => {
  await cloud?.close();
});

async function outpaintWith(status: number) {
  const { main, openai } = cloud;
  const bytes = new Uint8Array(await sharp(join(PHOTOS, 'coffee.png')).resize(256, 256).png().toBuffer());
  const img = await main.call('image:import', { bytes, name: 'coffee.png' });
  const ext = extendToAspect({ width: 256, height: 256 }, '5:4', 'left');
  const original = { ...ext.originalAt, width: 256, height: 256 };
  // One tile: the label is "The extension".
  const plan = planOutpaint({ canvas: ext.canvas, original, model: getModel('gpt-image-2')!, featherPx: 24 });
  expect(plan.ok && plan.tiles.length).toBe(1);
  // Refused once, asked to wait 1 s; the retried request takes 1.5 s, so the "tried again" shows.
  openai.script({ status, retryAfter: '1' }, { delayMs: 1500 });
  const sent = openai.requests.length;
  main.progress.length = 0;
  const { jobId } = await main.call('outpaint:start', {
    canvas: ext.canvas,
    original,
    layers: [{ assetId: img.assetId, ...ext.originalAt }],
    prompt: 'more table',
    model: 'gpt-image-2',
    n: 1,
    featherPx: 24,
  });
  const result = await main.waitJob(jobId);
  expect(result.state).toBe('done');
  expect(openai.requests.slice(sent).map((r) => r.status ?? 200)).toEqual([status, 200]);
  return main.progress.filter((p) => p.jobId === jobId).map((p) => `${p.phase}: ${p.stage}`);
}

describe('an outpaint tile the service makes wait', () => {
  it('429: the progress line names the rate limit and when the tile is tried again, then that it was', async () => {
    const stages = await outpaintWith(429);
    const limited = stages.indexOf('waiting: The extension · OpenAI is limiting requests: trying again in 1 s');
    const again = stages.indexOf('waiting: The extension · waiting for GPT Image 2: tried again');
    expect([limited >= 0, again > limited]).toEqual([true, true]);
    // Before it: the tile sent and waited for, as before.
    expect(stages.slice(0, limited)).toContain('waiting: The extension · waiting for GPT Image 2');
  });

  it('503: the progress line says the service had a problem', async () => {
    const stages = await outpaintWith(503);
    expect(stages).toContain('waiting: The extension · OpenAI had a problem: trying again in 1 s');
  });
});
