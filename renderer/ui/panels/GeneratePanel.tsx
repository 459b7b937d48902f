/**
 * Generate: prompt, model (with key availability), candidates, quality / tier, feather, colour
 * match, reference images and the cost estimate before sending. Ctrl/Cmd+Enter generates from
 * anywhere, including the prompt box.
 */
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { GeminiImageSize, Quality } from '../../../shared/models';
import { useEditor } from '../../commands/store/store';
import {
  currentAutoDecision,
  currentEstimate,
  currentOption,
  generateBlocker,
  modelOptions,
  pendingExtension,
  proposalBlocker,
} from '../../commands/current-estimate';
import { AUTO_VALUE } from '../../model/auto-choice';
import { acceptsSeed } from '../../model/prompt-tools';
import { TypingTextarea } from '../TypingTextarea';
import { PromptTools } from '../PromptTools';
import { MultiCostLine, MultiModelSection, MultiToggle } from '../MultiModelSection';
import { NumberField } from '../NumberField';
import { RefineStatus } from '../RefineStatus';
import { multiGenerateBlocker } from '../../commands/multi-generate';
import { formatDecision } from '../../../shared/routing';
import { expectedForRun } from '../../../shared/routing/latency';
import { formatExpected } from '../../../shared/models';
import { clampN, LOCAL_MODEL, nRange, referenceLimit, tiersOf, type ModelOption } from '../../model/model-options';
import { qualityFor } from '../../model/edit-request';
import { generateAny } from '../../commands/generate-action';
import { outpaintBlocker, outpaintMode } from '../../commands/outpaint-client';
import { CostLine, CostSize } from './CostEstimate';
import { EdgeOptions } from './EdgeOptions';
import { SpendCapLine } from './SpendCapLine';
import { TextCheckOptions, useRetryWorstLine } from './TextCheckOptions';
import { ReferenceImages } from './ReferenceImages';
import { OutpaintCostLine, OutpaintSection } from './OutpaintSection';
import { LocalEngineHint, LocalTextWarning, SpotHint } from './LocalEngineHint';
import { useMoreBelow } from '../useMoreBelow';
import { useKeepScrollEnd } from '../useKeepScrollEnd';
import { EMPTY_PROMPT_PLACEHOLDER } from '../../../shared/prompts/remove-prompt';

const AUTO_LABEL = 'Auto — rules pick the model (Settings)';
const MULTI_OFF_OUTPAINT = 'Filling an extended canvas uses the one model in the Model list; several models at once are for masked edits';

const GROUPS: { label: string; test: (o: ModelOption) => boolean }[] = [
  { label: 'This computer', test: (o) => o.spec.provider === 'local' },
  { label: 'OpenAI', test: (o) => o.spec.provider === 'openai' },
  { label: 'Google Gemini', test: (o) => o.spec.provider === 'gemini' },
  { label: 'Gateways', test: (o) => o.spec.provider === 'gateway' },
];

export function GeneratePanel() {
  const { doc, gen, keyStatus, providerSettings, job, prefs, multiRun, pending, proposal } = useEditor(
    useShallow((s) => ({
      doc: s.doc,
      gen: s.gen,
      keyStatus: s.keyStatus,
      providerSettings: s.providerSettings,
      job: s.job,
      prefs: s.prefs,
      multiRun: s.multiRun,
      // An extension proposed in the bar but not applied: what Generate says changes with it.
      pending: pendingExtension(s),
      // The same, for filling an extension already applied (what its Generate waits for).
      proposal: proposalBlocker(s),
    })),
  );
  const setGen = useEditor((s) => s.setGen);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pending` is read through the state (the blockers call pendingExtension)
  const { options, opt, estimate, outpaint, blocker, auto, expected } = useMemo(() => {
    // The selected slices are the inputs; the rest of the state is read as it is now.
    const s = { ...useEditor.getState(), doc, gen, keyStatus, providerSettings, job, prefs, multiRun };
    const estimate = currentEstimate(s);
    const outpaint = outpaintMode(s);
    const opt = currentOption(s);
    return {
      options: modelOptions(s),
      opt,
      estimate,
      outpaint,
      blocker: outpaint ? outpaintBlocker(s) : gen.multiOn ? multiGenerateBlocker(s) : generateBlocker(s, estimate),
      auto: gen.model === AUTO_VALUE ? currentAutoDecision(s) : null,
      expected: estimate?.ok ? expectedForRun(opt.spec, estimate.request, prefs?.latency ?? {}, gen.n, estimate.areas?.length ?? 1) : null,
    };
  }, [doc, gen, keyStatus, providerSettings, job, prefs, multiRun, pending]);
  const retryWorst = useRetryWorstLine(estimate?.ok ? estimate.usd : null);
  // The panel's controls scroll above its footer (in the layout's flow, not over them): a cue while
  // some of them are below the fold, and a box scrolled to its end stays there as lines come and go.
  const scrollRef = useRef<HTMLDivElement>(null);
  const moreBelow = useMoreBelow(scrollRef);
  useKeepScrollEnd(scrollRef);
  const spec = opt.spec;
  const range = nRange(spec);
  // Several models at once (a masked edit's): the models and their counts are the list's, so the
  // Model list and Candidates go, and Quality, Seed and Tier show for the models counted there.
  const several = gen.multiOn && !outpaint;
  const counted = several ? options.filter((o) => (gen.multi[o.value] ?? 0) > 0).map((o) => o.spec) : [spec];
  const qualitySpec = counted.find((c) => c.qualities.length > 0);
  const tierSpec = counted.find((c) => tiersOf(c).length > 0);
  const tiers = tierSpec ? tiersOf(tierSpec) : [];
  const quality = qualitySpec ? qualityFor(gen.quality, qualitySpec) : undefined;
  const seeded = counted.some(acceptsSeed);
  const growOn = gen.grow ?? spec.provider === 'local';
  // An empty prompt asks a cloud model to remove what is masked (an outpaint keeps its own default).
  const emptyRemoves = !outpaint && counted.some((c) => c.provider !== 'local');

  function pickModel(value: string) {
    if (value === AUTO_VALUE) {
      setGen({ model: AUTO_VALUE, modelChosen: true });
      return;
    }
    const o = options.find((x) => x.value === value);
    if (!o) return;
    setGen({ model: value, modelChosen: true, n: clampN(gen.n, o.spec) });
  }

  return (
    <section className="panel generate-panel" aria-label="Generate">
      {/* The controls scroll in their own box; the footer is the next box down, never over them. */}
      <div className="generate-scroll" ref={scrollRef}>
        <div className="generate-body">
          {/* The heading's line also holds "Several models at once" (it switches the Model list below to a list of models). */}
          <div className="generate-head">
            <h3>Generate</h3>
            <MultiToggle off={outpaint ? MULTI_OFF_OUTPAINT : undefined} />
          </div>
          <TypingTextarea
            className="prompt"
            data-testid="prompt"
            aria-label="Prompt"
            rows={3}
            // With a cloud model the empty box says what an empty prompt does (a line under the box moved
            // the Model list as it was picked, and the rows below at the first key typed).
            placeholder={emptyRemoves ? EMPTY_PROMPT_PLACEHOLDER : 'What should fill the mask? (Ctrl/⌘+Enter generates)'}
            value={gen.prompt}
            onValue={(prompt) => setGen({ prompt })}
            // Esc leaves the prompt, its text kept, and the keys are the editor's again (as Enter and Esc
            // leave a number field, and Photoshop's fields): Esc then C typed a "c" into the prompt.
            onKeyDown={(e) => {
              if (e.key !== 'Escape' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.nativeEvent.isComposing) return;
              e.preventDefault();
              e.currentTarget.blur();
            }}
          />
          <PromptTools />
          {!several && (
            // The name beside the list, as in Photoshop's options (above it, it took a line Quality needed at 1280×800).
            <label className="field model-field">
              <span>Model</span>
              <select
                data-testid="model-select"
                aria-label="Model"
                // The list is narrower than the longer names ("Nano Banana 2 (Gemini 3.1 Flash Image) — key set"): the whole of the choice on hover.
                title={gen.model === AUTO_VALUE ? AUTO_LABEL : opt.label}
                value={gen.model === AUTO_VALUE ? AUTO_VALUE : opt.value}
                onChange={(e) => pickModel(e.target.value)}
              >
                <optgroup label="Auto">
                  <option value={AUTO_VALUE}>{AUTO_LABEL}</option>
                </optgroup>
                {GROUPS.map((g) => {
                  const items = options.filter(g.test);
                  return items.length ? (
                    <optgroup key={g.label} label={g.label}>
                      {items.map((o) => (
                        <option key={o.value} value={o.value} data-usable={o.usable}>
                          {o.usable ? '● ' : '○ '}
                          {o.label}
                        </option>
                      ))}
                    </optgroup>
                  ) : null;
                })}
              </select>
            </label>
          )}
          {/* Under the Model list it is about: one line, the whole note folded under it (at the panel's end it was cut at its fold). */}
          <LocalEngineHint />
          {/* Under the Model list it is about: above it, it pushed the list down as Offline fill was chosen. */}
          <LocalTextWarning />
          {/* A refine of a staged candidate (an edit's or an outpaint's) says what it is doing here. */}
          <RefineStatus />
          {/* Several models at once is for masked edits; filling an extension uses the one chosen model
              (greyed out in its place: hidden, it moved every row below up). */}
          <MultiModelSection off={outpaint ? MULTI_OFF_OUTPAINT : undefined} />
          {auto && !gen.multiOn && (
            <p className="auto-pick" data-testid="auto-pick" role="status" aria-label="Auto pick">
              Auto picked {formatDecision(auto)}
            </p>
          )}
          <div className="row gen-numbers">
            {!several && (
              <label className="inline" title={`1–${range.max} candidates`}>
                Candidates
                <NumberField
                  className="num"
                  data-testid="n"
                  aria-label="Candidates"
                  min={range.min}
                  max={range.max}
                  value={gen.n}
                  onValue={(v) => v !== null && setGen({ n: clampN(v, spec) })}
                />
              </label>
            )}
            {quality && (
              <label className="inline">
                Quality
                <select
                  data-testid="quality"
                  aria-label="Quality"
                  value={quality}
                  onChange={(e) => setGen({ quality: e.target.value as Quality })}
                >
                  {(qualitySpec?.qualities ?? []).map((q) => (
                    <option key={q} value={q}>
                      {q}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {seeded && (
              <label
                className="inline"
                title="Same seed, same mask and settings → the same result (blank: a new one each time; the candidate’s tooltip shows the seed used)"
              >
                Seed
                <NumberField
                  className="num seed"
                  aria-label="Seed"
                  placeholder="random"
                  min={0}
                  max={2 ** 31 - 1}
                  allowEmpty
                  value={gen.seed ?? null}
                  onValue={(v) => setGen({ seed: v ?? undefined })}
                />
              </label>
            )}
            {tiers.length > 0 && (
              <label className="inline">
                Tier
                <select
                  data-testid="tier"
                  aria-label="Gemini tier"
                  value={gen.imageSize && tiers.includes(gen.imageSize) ? gen.imageSize : ''}
                  onChange={(e) => setGen({ imageSize: (e.target.value || undefined) as GeminiImageSize | undefined })}
                >
                  <option value="">Auto</option>
                  {tiers.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {/* The request's size and expected time right under Quality, which changes them: below the edge
              controls they were out of view at 1280×800. Two lines kept whether or not they show (a mask
              painted or cleared does not move the rows below). */}
          {!outpaint && !gen.multiOn && (
            <div className="gen-size">
              <CostSize estimate={estimate} />
              {expected && (
                <div className="muted" data-testid="expected-time" title={expected.basis}>
                  Expected: {formatExpected(expected)}
                  {expected.basis.startsWith('your last') ? ' (learned from your requests)' : ''}
                </div>
              )}
            </div>
          )}
          {/* Folded to one line with its values by default (EdgeOptions): its rows took the room the text check needed. */}
          <EdgeOptions spec={spec} growOn={growOn} />
          {!outpaint && <TextCheckOptions firstUsd={estimate?.ok ? estimate.usd : null} />}
          {/* With several models at once, the smallest limit among those counted (each is sent the same references). */}
          <ReferenceImages limit={referenceLimit(several ? counted : [], spec)} />
          <SpotHint onUse={() => pickModel(LOCAL_MODEL)} />
          {outpaint && <OutpaintSection />}
        </div>
      </div>
      {/* The cost line and the Generate button stay in view together while the panel scrolls. */}
      <div className="generate-foot">
        {/* Always laid out (hidden while nothing is below): appearing, it would change the footer's
            lines and the column's height, and a column held at its end lost its place. */}
        <button
          type="button"
          className={`more-below ${moreBelow ?? 'idle'}`}
          aria-hidden={!moreBelow}
          tabIndex={moreBelow ? 0 : -1}
          title={moreBelow === 'above' ? 'Scroll back up to the prompt' : 'More of this panel is below: scroll down, or click here'}
          onClick={() => {
            const box = scrollRef.current;
            box?.scrollTo({ top: moreBelow === 'above' ? 0 : box.scrollHeight });
          }}
        >
          {/* Both words laid out in one cell, the other hidden: the button keeps one width. */}
          <span className={moreBelow === 'above' ? 'off' : undefined}>More ▾</span>
          <span className={moreBelow === 'above' ? undefined : 'off'}>Prompt ▴</span>
        </button>
        {/* An extension proposed and not applied blocks Generate: no price for an edit it would not run
            (the old mask's price stood above "Apply the extension (Enter)…"). */}
        {outpaint ? (
          <OutpaintCostLine blocker={job ? null : blocker} priced={!proposal} />
        ) : (
          <CostLine
            estimate={gen.multiOn || pending ? null : estimate}
            blocker={job ? null : blocker}
            worst={retryWorst}
            multi={several && !pending ? <MultiCostLine /> : null}
          />
        )}
        <SpendCapLine />
        <div className="row generate-row">
          <button
            type="button"
            className="primary"
            data-testid="generate"
            disabled={!!blocker}
            onClick={() => void generateAny()}
            title={outpaint ? 'Fill the extended canvas: every request of the plan, one job (Ctrl/⌘+Enter)' : 'Generate (Ctrl/⌘+Enter)'}
          >
            Generate
          </button>
          {!several && !opt.usable && opt.keyProvider && (
            <button type="button" data-testid="set-key" onClick={() => useEditor.getState().setSettingsOpen(true)}>
              Set key…
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
