import { describe, expect, it } from 'vitest';
import type { KeyStatus } from '../../shared/ipc/contract-types';
import { getModel } from '../../shared/models';
import {
  buildModelOptions,
  clampN,
  defaultModel,
  maxReferences,
  nRange,
  providerLabel,
  referenceLimit,
  refineDefault,
} from './model-options';
import { draftProblem, draftToSettings, EMPTY_DRAFT } from './gateway-draft';

const keys = (...set: string[]): KeyStatus[] =>
  ['openai', 'gemini', ...set.filter((p) => p.startsWith('gateway:'))].map((p) => ({ provider: p, isSet: set.includes(p) }));
const gw = { id: 'gw', name: 'My GW', baseURL: 'https://gw.example/v1', modelIds: ['img-a', 'img-b'], template: 'gpt-image-1.5' as const };

describe('model options', () => {
  it('lists the offered catalog models and the gateway models with their key provider and usability', () => {
    const opts = buildModelOptions(keys('openai', 'gateway:gw'), [gw]);
    const by = (v: string) => opts.find((o) => o.value === v)!;
    expect(by('local')).toMatchObject({ keyProvider: null, usable: true });
    expect(by('gpt-image-2')).toMatchObject({ keyProvider: 'openai', usable: true });
    expect(by('gemini-3.1-flash-image')).toMatchObject({ keyProvider: 'gemini', usable: false });
    expect(by('gateway:gw/img-b')).toMatchObject({ keyProvider: 'gateway:gw', usable: true });
    expect(by('gateway:gw/img-b').spec.template).toBe('gpt-image-1.5');
    expect(opts.some((o) => o.value === 'gpt-image-1')).toBe(false); // retired
    expect(by('gemini-3.1-flash-image').label).toMatch(/no key/);
    expect(by('gpt-image-2').label).toBe('GPT Image 2 — key set');
    expect(by('local').label).toBe('Offline fill — free');
  });

  it('"Refine with…" preselects the strongest other usable model, never a step down when a stronger one is there', () => {
    const usable = (k: KeyStatus[], g = [] as (typeof gw)[]) => buildModelOptions(k, g).filter((o) => o.usable);
    const both = usable(keys('openai', 'gemini'));
    // The two-model workflow: a Nano Banana 2 draft → GPT Image 2 polish.
    expect(refineDefault('gemini-3.1-flash-image', both)).toBe('gpt-image-2');
    expect(refineDefault('gpt-image-1.5', both)).toBe('gpt-image-2');
    expect(refineDefault('local', both)).toBe('gpt-image-2');
    // A GPT Image 2 candidate: Nano Banana Pro, not GPT Image 1.5 (listed right after it).
    expect(refineDefault('gpt-image-2', both)).toBe('gemini-3-pro-image');
    expect(refineDefault('gemini-3-pro-image', both)).toBe('gpt-image-2');
    // Only a Gemini key: Nano Banana Pro polishes a Nano Banana 2 draft.
    expect(refineDefault('gemini-3.1-flash-image', usable(keys('gemini')))).toBe('gemini-3-pro-image');
    // A gateway model ranks as its template (GPT Image 1.5 here): below GPT Image 2, above the mini.
    const withGw = usable(keys('openai', 'gateway:gw'), [gw]);
    expect(refineDefault('gpt-image-2', withGw)).toBe('gpt-image-1.5');
    expect(refineDefault('gpt-image-1-mini', withGw)).toBe('gpt-image-2');
    // Only the offline engine: itself.
    expect(refineDefault('local', usable(keys()))).toBe('local');
    expect(refineDefault('local', [])).toBeNull();
  });

  it('defaults to local without keys, else the last used model if usable', () => {
    expect(defaultModel(buildModelOptions(keys(), []), 'gpt-image-2')).toBe('local');
    const withKey = buildModelOptions(keys('openai'), []);
    expect(defaultModel(withKey, 'gpt-image-2')).toBe('gpt-image-2');
    expect(defaultModel(withKey, 'gemini-3-pro-image')).toBe('local');
    expect(defaultModel(withKey, null)).toBe('local');
  });

  it('several models at once take the smallest reference limit among them, and name the model that sets it', () => {
    const gpt = getModel('gpt-image-2')!;
    const nano = getModel('gemini-3.1-flash-image')!;
    const local = getModel('local')!;
    expect(referenceLimit([gpt, nano], gpt)).toEqual({ max: 12, model: nano, limitedBy: nano });
    expect(referenceLimit([nano, gpt, local], gpt)).toEqual({ max: 0, model: local, limitedBy: local });
    // One model counted: its own limit, not the hidden single model's; none counted: the fallback's.
    expect(referenceLimit([local], gpt)).toEqual({ max: 0, model: local, limitedBy: null });
    expect(referenceLimit([], gpt)).toEqual({ max: 15, model: gpt, limitedBy: null });
  });

  it('limits references, n and names providers', () => {
    expect(maxReferences(getModel('gpt-image-2')!)).toBe(15);
    expect(maxReferences(getModel('gemini-3.1-flash-image')!)).toBe(12);
    expect(maxReferences(getModel('local')!)).toBe(0);
    expect(nRange(getModel('gpt-image-2')!)).toEqual({ min: 1, max: 4 });
    expect(clampN(9, getModel('gemini-3-pro-image')!)).toBe(4);
    expect(clampN(0, getModel('local')!)).toBe(1);
    expect(providerLabel('openai')).toBe('OpenAI');
    expect(providerLabel('gateway:gw', [gw])).toBe('gateway “My GW”');
  });

  it('checks the gateway form like the contract does', () => {
    expect(draftProblem(EMPTY_DRAFT)).toMatch(/Id/);
    const ok = { ...EMPTY_DRAFT, id: 'my-gw', name: ' GW ', baseURL: 'https://gw.example/v1 ', modelIds: 'a, b, ,a' };
    expect(draftProblem(ok)).toBeNull();
    expect(draftProblem({ ...ok, baseURL: 'gw.example' })).toMatch(/Base URL/);
    expect(draftToSettings(ok)).toEqual({
      id: 'my-gw',
      name: 'GW',
      baseURL: 'https://gw.example/v1',
      modelIds: ['a', 'b'],
      template: 'gpt-image-2',
    });
  });
});
