/**
 * Text check through the real handler table, the real OpenAI SDK and the local server scripted to
 * return rendered text ("V2.0" right, "V2.O" and "V3.0" wrong) over the mask: candidates are read
 * with the offline OCR, ranked right-first, and "retry until right" stops within its budget.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateResult, JobResult } from '../../../shared/ipc/contract-types';
import { estimateCost } from '../../../shared/models';
import { shutdownOcr } from '../../../electron/main/text-check/ocr-engine';
import { type CloudHarness, startMainWithServers } from '../../support/main-harness';

const FIX = resolve(__dirname, '../../fixtures/text');
const fx = (name: string) => readFile(join(FIX, name));
const RECT = { x: 170, y: 120, width: 300, height: 120 };

let cloud: CloudHarness;
let label: { assetId: string; width: number; height: number };
let right: Buffer;
let wrong: Buffer;
let wrong3: Buffer;
let maskPng: Uint8Array;

beforeAll(async () => {
  cloud = await startMainWithServers({});
  label = await cloud.main.call('image:import', { bytes: new Uint8Array(await fx('label-v1.png')), name: 'label.png' });
  [right, wrong, wrong3] = await Promise.all([fx('v2-right.png'), fx('v2-wrong.png'), fx('v3-wrong.png')]);
  const white = Buffer.alloc(RECT.width * RECT.height, 255);
  maskPng = new Uint8Array(
    await sharp(white, { raw: { width: RECT.width, height: RECT.height, channels: 1 } })
      .png()
      .toBuffer(),
  );
});
afterAll(async () => {
  await shutdownOcr();
  await cloud?.close();
});
beforeEach(() => {
  cloud.openai.clearScript();
  cloud.openai.requests.length = 0;
});

async function edit(
  n: number,
  textCheck?: Record<string, unknown>,
  prompt = "change the text from 'V1.0' to 'V2.0'",
): Promise<CandidateResult[]> {
  const { jobId } = await cloud.main.call('edit:start', {
    canvas: { width: label.width, height: label.height },
    layers: [{ assetId: label.assetId, x: 0, y: 0 }],
    mask: { png: maskPng, rect: RECT },
    prompt,
    model: 'gpt-image-2',
    n,
    quality: 'low',
    references: [],
    featherPx: 4,
    colorMatch: false,
    ...(textCheck ? { textCheck } : {}),
  });
  const r: JobResult = await cloud.main.waitJob(jobId);
  if (r.state !== 'done') throw new Error(`job ${r.state}: ${JSON.stringify(r)}`);
  return r.candidates;
}

describe('text check of candidates', () => {
  it('reads every candidate, ranks the spelled-right one first and counts the wrong character', async () => {
    cloud.openai.script({ fillImages: [wrong, right] });
    const c = await edit(2, { text: 'V2.0', old: 'V1.0', retries: 0 });
    expect(cloud.openai.requests.length).toBe(1);
    expect(c.map((x) => x.index)).toEqual([1, 0]);
    expect(c[0].textCheck).toMatchObject({ status: 'right', read: 'V2.0', distance: 0, oldGone: true });
    expect(c[1].textCheck).toMatchObject({ status: 'wrong', read: 'V2.O', distance: 1 });
    expect(c[1].textCheck!.similarity).toBeCloseTo(0.75, 5);
  });

  it('finds the old text from the original region when the prompt does not name it', async () => {
    // The model "forgot" to change the text: the original V1.0 shows through.
    cloud.openai.script({
      fillImages: [
        await sharp(await fx('label-v1.png'))
          .extract({ left: RECT.x, top: RECT.y, ...size(RECT) })
          .png()
          .toBuffer(),
      ],
    });
    const c = await edit(1, { text: 'V2.0', retries: 0 }, 'make it say "V2.0"');
    expect(c[0].textCheck).toMatchObject({ status: 'wrong', read: 'V1.0', distance: 1, oldGone: false });
  });

  it('retries until the text is right and stops there', async () => {
    cloud.openai.script(
      { fillImages: [wrong3] },
      { fillImages: [wrong] },
      { fillImages: [right] },
      { fillImages: [wrong3], times: Infinity },
    );
    const before = cloud.main.svc.ledger.summary().today;
    const c = await edit(1, { text: 'V2.0', old: 'V1.0', retries: 5 });
    expect(cloud.openai.requests.length).toBe(3);
    // Every attempt lands in the app's spend ledger.
    const after = cloud.main.svc.ledger.summary().today;
    expect(after.requests - before.requests).toBe(3);
    expect(after.usd - before.usd).toBeCloseTo(
      c.reduce((s, x) => s + x.costUsd, 0),
      6,
    );
    expect(c.map((x) => x.textCheck?.status)).toEqual(['right', 'wrong', 'wrong']);
    expect(c[0].attempt).toBe(2);
    // Every attempt is paid for and counted.
    const per = estimateCost({ modelId: 'gpt-image-2', ...c[0].requestSize, quality: 'low', n: 1 }).usd;
    expect(c.reduce((s, x) => s + x.costUsd, 0)).toBeCloseTo(3 * per, 6);
  });

  it('stops at the number of retries, and earlier at the dollar cap', async () => {
    cloud.openai.script({ fillImages: [wrong3], times: Infinity });
    const c = await edit(1, { text: 'V2.0', old: 'V1.0', retries: 2 });
    expect(cloud.openai.requests.length).toBe(3);
    expect(c.every((x) => x.textCheck?.status === 'wrong')).toBe(true);
    cloud.openai.requests.length = 0;
    const per = c[0].costUsd;
    const capped = await edit(1, { text: 'V2.0', old: 'V1.0', retries: 5, maxUsd: per * 1.5 });
    expect(cloud.openai.requests.length).toBe(2);
    expect(capped).toHaveLength(2);
  });

  it('says when the script cannot be checked', async () => {
    cloud.openai.script({ fillImages: [right] });
    const c = await edit(1, { text: '版本二', retries: 3 });
    expect(cloud.openai.requests.length).toBe(1);
    expect(c[0].textCheck).toMatchObject({ status: 'not-checked', note: 'Chinese' });
  });
});

function size(r: { width: number; height: number }) {
  return { width: r.width, height: r.height };
}
