import { describe, expect, it } from 'vitest';
import { getModel, offeredModels, type ModelSpec } from '../models';
import {
  DEFAULT_ROUTING,
  describeRule,
  formatDecision,
  nonLatinScript,
  parseRoutingSettings,
  routeModel,
  textSignal,
  type RoutingInput,
} from './index';

const spec = (id: string) => getModel(id) as ModelSpec;
const ALL = offeredModels();
const base = (patch: Partial<RoutingInput> = {}): RoutingInput => ({
  prompt: 'a wooden bench',
  geometry: { outpaint: null },
  preset: null,
  settings: DEFAULT_ROUTING,
  models: ALL,
  ...patch,
});

describe('textSignal', () => {
  it('finds quotes of every kind the text check reads', () => {
    expect(textSignal("change the box text from 'V1.0' to 'V2.0'")).toEqual({ kind: 'quote', text: 'V2.0' });
    expect(textSignal('write “SALE” on it')).toEqual({ kind: 'quote', text: 'SALE' });
    expect(textSignal('make it say «Bonjour»')).toEqual({ kind: 'quote', text: 'Bonjour' });
  });
  it('does not take an apostrophe for a quote', () => {
    expect(textSignal("don't keep the dog's collar")).toBeNull();
  });
  it('finds the words as whole words, with plurals, any case', () => {
    expect(textSignal('add a LOGO in the corner')).toEqual({ kind: 'word', word: 'logo' });
    expect(textSignal('fix the labels on the jars')).toEqual({ kind: 'word', word: 'label' });
    expect(textSignal('match the fonts')).toEqual({ kind: 'word', word: 'font' });
    expect(textSignal('a textured wall')).toBeNull();
    expect(textSignal('a fountain')).toBeNull();
    expect(textSignal('a pretext')).toBeNull();
  });
  it('finds non-Latin scripts and names them; accented Latin is Latin', () => {
    expect(textSignal('東京の看板')).toEqual({ kind: 'script', script: 'Chinese' });
    expect(textSignal('ラーメン')).toEqual({ kind: 'script', script: 'Japanese' });
    expect(nonLatinScript('مرحبا')).toBe('Arabic');
    expect(nonLatinScript('Привет')).toBe('Cyrillic');
    expect(nonLatinScript('crème brûlée, 42 €')).toBeNull();
  });
  it('uses the rule’s own words (the user may change them)', () => {
    expect(textSignal('add a sticker', ['sticker'])).toEqual({ kind: 'word', word: 'sticker' });
    expect(textSignal('add a logo', ['sticker'])).toBeNull();
    expect(textSignal('add a logo', [''])).toBeNull();
    expect(textSignal('price (c++) tag', ['c++'])).toEqual({ kind: 'word', word: 'c++' });
  });
});

describe('routeModel with the default rules', () => {
  it('text in the prompt → GPT Image 2, with the reason', () => {
    const d = routeModel(
      base({ prompt: "change 'V1.0' to 'V2.0'", settings: { ...DEFAULT_ROUTING, defaultModel: 'gemini-3.1-flash-image' } }),
    );
    expect(d).toMatchObject({ modelId: 'gpt-image-2', ruleId: 'text' });
    // The text asked for, not the text it replaces (it named “V1.0”, the old text, as the prompt's first quote).
    expect(d.reason).toBe('the prompt asks for text (the quoted text “V2.0”)');
    expect(formatDecision(d)).toBe('GPT Image 2 — the prompt asks for text (the quoted text “V2.0”)');
  });
  it('a non-Latin script → GPT Image 2', () => {
    const d = routeModel(base({ prompt: '把招牌改成 欢迎光临', settings: { ...DEFAULT_ROUTING, defaultModel: 'local' } }));
    expect(d.modelId).toBe('gpt-image-2');
    expect(d.reason).toContain('Chinese script');
  });
  it('outpaint wider than 3:1 → Nano Banana 2; exactly 3:1 is not wider', () => {
    const wide = routeModel(base({ geometry: { outpaint: { width: 4000, height: 1000 } } }));
    expect(wide).toMatchObject({ modelId: 'gemini-3.1-flash-image', ruleId: 'wide-outpaint' });
    expect(wide.reason).toBe('the outpaint is 4:1, wider than 3:1');
    const tall = routeModel(base({ geometry: { outpaint: { width: 500, height: 4000 } } }));
    expect(tall.modelId).toBe('gemini-3.1-flash-image');
    expect(tall.reason).toBe('the outpaint is 8:1, taller than 3:1');
    expect(routeModel(base({ geometry: { outpaint: { width: 3000, height: 1000 } } })).ruleId).toBeNull();
  });
  it('text beats a wide outpaint (rule order)', () => {
    const d = routeModel(base({ prompt: 'extend with a banner reading "OPEN"', geometry: { outpaint: { width: 8000, height: 1000 } } }));
    expect(d.ruleId).toBe('text');
  });
  it('a draft preset → the cheapest usable cloud model at the request size, never the offline engine', () => {
    const preset = { name: 'Quick draft', draft: true };
    const cloud = ['gpt-image-2', 'gemini-3.1-flash-image', 'local'].map(spec);
    const d = routeModel(base({ preset, models: cloud }));
    // gpt-image-2 medium 1024²: $0.053 + input tokens ≈ $0.059 < Nano Banana 2 $0.067.
    expect(d).toMatchObject({ modelId: 'gpt-image-2', ruleId: 'draft' });
    expect(d.reason).toBe('the draft preset “Quick draft” is used: the cheapest usable model ($0.059 a request)');
    // At high quality Nano Banana 2 ($0.067) is cheaper than gpt-image-2 ($0.211 + tokens).
    expect(routeModel(base({ preset, models: cloud, quality: 'high' })).modelId).toBe('gemini-3.1-flash-image');
    // The caller's own price wins (e.g. an outpaint plan's several requests).
    const priceOf = (m: ModelSpec) => (m.id === 'gpt-image-2' ? 0.3 : 0.2);
    expect(routeModel(base({ preset, models: cloud, priceOf })).modelId).toBe('gemini-3.1-flash-image');
    // Deprecated models are not offered as the cheapest.
    const withMini = routeModel(base({ preset, models: [spec('gpt-image-1-mini'), spec('gpt-image-2')] }));
    expect(withMini.modelId).toBe('gpt-image-2');
  });
  it('a preset that is not a draft, or none → the default model', () => {
    const d = routeModel(base({ preset: { name: 'Remove object', draft: false } }));
    expect(d).toMatchObject({ modelId: 'gpt-image-2', ruleId: null, reason: 'no rule applies: your default model' });
    const d2 = routeModel(base({ settings: { ...DEFAULT_ROUTING, defaultModel: 'local' } }));
    expect(d2).toMatchObject({ modelId: 'local', modelName: 'Offline fill', ruleId: null });
  });
  it('a rule whose model has no key is skipped and said so', () => {
    const models = [spec('gemini-3.1-flash-image'), spec('local')];
    const d = routeModel(base({ prompt: 'add a logo', models, settings: { ...DEFAULT_ROUTING, defaultModel: 'gemini-3.1-flash-image' } }));
    expect(d).toMatchObject({ modelId: 'gemini-3.1-flash-image', ruleId: null });
    expect(d.skipped).toEqual(['the prompt asks for text (the word “logo”), but GPT Image 2 cannot be used (no key)']);
    expect(formatDecision(d)).toContain('skipped: the prompt asks for text');
    const none = routeModel(base({ preset: { name: 'd', draft: true }, models: [spec('local')] }));
    expect(none.skipped).toEqual(['the draft preset “d” is used, but no cloud model is usable']);
  });
  it('disabled rules and changed rules are honoured', () => {
    const off = { ...DEFAULT_ROUTING, rules: DEFAULT_ROUTING.rules.map((r) => ({ ...r, enabled: r.id !== 'text' })) };
    expect(routeModel(base({ prompt: 'add a logo', settings: off })).ruleId).toBeNull();
    const changed = {
      defaultModel: 'local',
      rules: [{ id: 'mine', enabled: true, when: { kind: 'outpaint-wider-than' as const, ratio: 1.5 }, use: 'gemini-3-pro-image' }],
    };
    const d = routeModel(base({ geometry: { outpaint: { width: 1600, height: 900 } }, settings: changed }));
    expect(d).toMatchObject({ modelId: 'gemini-3-pro-image', ruleId: 'mine', reason: 'the outpaint is 1.8:1, wider than 1.5:1' });
  });
});

describe('parseRoutingSettings', () => {
  it('accepts the defaults and a round trip through JSON', () => {
    expect(parseRoutingSettings(JSON.parse(JSON.stringify(DEFAULT_ROUTING)))).toEqual(DEFAULT_ROUTING);
  });
  it('refuses wrong shapes instead of dropping rules silently', () => {
    const bad = [
      null,
      [],
      { rules: [], defaultModel: '' },
      { rules: [{ id: 'x', enabled: true, when: { kind: 'moon-phase' }, use: 'gpt-image-2' }], defaultModel: 'local' },
      { rules: [{ id: 'x', enabled: 'yes', when: { kind: 'draft-preset' }, use: 'gpt-image-2' }], defaultModel: 'local' },
      { rules: [{ id: 'x', enabled: true, when: { kind: 'outpaint-wider-than', ratio: 0.5 }, use: 'local' }], defaultModel: 'local' },
      {
        rules: [
          { id: 'x', enabled: true, when: { kind: 'draft-preset' }, use: 'local' },
          { id: 'x', enabled: true, when: { kind: 'draft-preset' }, use: 'local' },
        ],
        defaultModel: 'local',
      },
    ];
    for (const b of bad) expect(parseRoutingSettings(b)).toBeNull();
  });
  it('trims words and drops empty ones', () => {
    const s = parseRoutingSettings({
      rules: [{ id: 't', enabled: true, when: { kind: 'text-in-prompt', words: [' logo ', '', 3] }, use: 'gpt-image-2' }],
      defaultModel: 'local',
    });
    expect(s?.rules[0].when).toEqual({ kind: 'text-in-prompt', words: ['logo'] });
  });
});

describe('describeRule', () => {
  it('reads as a sentence', () => {
    const name = (id: string) => getModel(id)?.name ?? id;
    expect(DEFAULT_ROUTING.rules.map((r) => describeRule(r, name))).toEqual([
      'If the prompt asks for text (quotes, a non-Latin script, or the words text, label, font, logo, typography, lettering, caption, headline), use GPT Image 2.',
      'If an outpaint is wider (or taller) than 3:1, use Nano Banana 2 (Gemini 3.1 Flash Image).',
      'If a draft preset is used, use the cheapest usable model.',
    ]);
  });
});
