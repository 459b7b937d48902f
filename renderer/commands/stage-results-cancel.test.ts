/**
 * renderer/commands/stage-results.ts after a cancel during "Retry until the text is right": the line
 * says the candidate kept and whether the retry that was out may be charged, billed by the model the
 * retries went to (Nano Banana 2 → GPT Image 2: OpenAI), at what main's ledger counted beyond the
 * kept candidates. It said nothing of the retry's request.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CandidateResult } from '../../shared/ipc/contract-types';
import type { JobRequest } from './job-client-types';
import { stageResults, type StageContext } from './stage-results';
import type { JobState } from './store/jobs-slice';
import { useEditor } from './store/store';
import { openBlankDoc } from './job-state-fixture';

const st = () => useEditor.getState();
let docId: string;

const ctx = (): StageContext => ({
  store: useEditor,
  adoptPatch: async () => {},
  trace: { span: () => {}, now: () => 0 } as unknown as StageContext['trace'],
  now: () => 1000,
});

const job = (model: string): JobState => ({
  jobId: 'job-1',
  kind: 'edit',
  docId,
  canvas: { width: 10, height: 10 },
  model,
  modelName: model,
  prompt: "label 'V2.0'",
  startedAt: 0,
  fraction: 1,
  stage: 'done',
  phase: 'working',
  expected: null,
  previews: {},
  cancelling: false,
});

const wrong = (model: string, costUsd: number): CandidateResult => ({
  index: 0,
  model,
  assetId: 'patch-0',
  patch: new Uint8Array([0]),
  region: { x: 0, y: 0, width: 10, height: 10 },
  requestSize: { width: 10, height: 10 },
  costUsd,
  seconds: 1,
  attempt: 0,
  textCheck: { status: 'wrong', expected: 'V2.0', read: 'V2.O', reading: 'V2.O', distance: 1, similarity: 0.75, ms: 5 },
});

const sent = (model: string, retryModel?: string): JobRequest => ({
  kind: 'edit',
  req: {
    canvas: { width: 10, height: 10 },
    layers: [{ assetId: 'asset-original', x: 0, y: 0 }],
    mask: { png: new Uint8Array([1]), rect: { x: 0, y: 0, width: 10, height: 10 } },
    prompt: "label 'V2.0'",
    model,
    n: 1,
    references: [],
    featherPx: 4,
    colorMatch: true,
    textCheck: { text: 'V2.0', retries: 2, ...(retryModel ? { retryModel } : {}) },
  },
});

const said = () => st().toasts.at(-1)?.message;
const kept =
  'Cancelled during the text retries: the candidate already made is kept, and it does not read “V2.0” right. Keep it by eye, or generate again.';

beforeEach(() => {
  st().clearStaging();
  docId = openBlankDoc(10);
});

describe('a cancel during the text retries', () => {
  it('says the retry that was out may be charged, by whom the retries went to, and what it counted', async () => {
    const g = 'gemini-3.1-flash-image';
    expect(await stageResults(ctx(), job(g), 'job-1', [wrong(g, 0.067)], true, 0.067 + 0.053, sent(g, 'gpt-image-2'))).toBe(1);
    expect(said()).toBe(
      `${kept} The cancelled retry's request was sent and may be charged by OpenAI (≈ $0.053, counted in today's spend).`,
    );
    // The session spend counts it too, as the ledger did.
    expect(st().spentUsd[docId]).toBeCloseTo(0.12, 6);
  });

  it('says no retry was charged when the ledger counted only the kept candidate, and nothing of it for the offline engine', async () => {
    expect(await stageResults(ctx(), job('gpt-image-2'), 'job-1', [wrong('gpt-image-2', 0.053)], true, 0.053, sent('gpt-image-2'))).toBe(1);
    expect(said()).toBe(`${kept} The retry was not sent, so it is not charged.`);
    st().clearStaging();
    expect(await stageResults(ctx(), job('local'), 'job-1', [wrong('local', 0)], true, undefined, sent('local'))).toBe(1);
    expect(said()).toBe(kept);
  });
});
