/**
 * "Ask several models at once": a count per model (0 = not asked) in place of the Model list, one price
 * for all before sending, and while it runs one line per model (waiting, done with time and cost,
 * failed) with Cancel. The candidates land in the staging strip as each model answers. (A refine's
 * line is RefineStatus's.)
 */
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cancelMulti, dismissMultiFailures, multiRows, setMultiOn } from '../commands/multi-generate';
import { formatUsd } from '../model/estimate';
import { nRange } from '../model/model-options';
import { entryStatus, multiTotal, sharedRowError } from '../model/multi-plan';
import { useRunLines } from './run-lines';
import { formatExpected } from '../../shared/models';
import { shortModelName } from '../../shared/models/display-name';
import { useEditor } from '../commands/store/store';
import { NumberField } from './NumberField';
import { Countdown } from './Countdown';
import { useRevealOnStart } from './useReveal';

type Rows = ReturnType<typeof multiRows>;
let rowsCache: { key: unknown[]; rows: Rows } | null = null;

/**
 * Every model's row, estimated once per change of what they depend on (the list and the footer's
 * price line read the same rows): estimating plans a region per model, so only while the list is on.
 */
function useMultiRows() {
  const { doc, gen, keyStatus, providerSettings, prefs } = useEditor(
    useShallow((s) => ({
      doc: s.doc,
      gen: s.gen,
      keyStatus: s.keyStatus,
      providerSettings: s.providerSettings,
      prefs: s.prefs,
    })),
  );
  const key = [doc, gen, keyStatus, providerSettings, prefs];
  if (!rowsCache || rowsCache.key.some((k, i) => k !== key[i]))
    rowsCache = { key, rows: gen.multiOn ? multiRows({ ...useEditor.getState(), doc, gen, keyStatus, providerSettings, prefs }) : [] };
  return { gen, rows: rowsCache.rows };
}

/**
 * The price of all the models asked, beside Generate (the sticky footer): the list's own total
 * scrolled out of sight in a short column, and Generate went out with no price in view (found by hand).
 */
export function MultiCostLine() {
  const { rows } = useMultiRows();
  const total = multiTotal(rows);
  if (!total.models || sharedRowError(rows)) return null;
  return (
    <div
      className="cost-usd"
      data-testid="multi-cost"
      title={`The sum of every model's estimate; the models run side by side${total.areas > 1 ? '. The mask is in parts far apart: each area is its own request, where that costs no more than one around them all' : ''}`}
    >
      {total.approximate ? '≈ ' : ''}
      {formatUsd(total.usd)} · {total.models} model{total.models === 1 ? '' : 's'}
      {total.areas > 1 ? ` · ${total.areas} areas` : ''}
    </div>
  );
}

/**
 * The "Several models at once" box, on the Generate heading's line (under the Model list it took a
 * line the Edge group and the text check needed at 1280×800). `off`: why it cannot be used now; it
 * stays in its place, greyed out and unticked, saying why.
 */
export function MultiToggle({ off }: { off?: string }) {
  const multiOn = useEditor((s) => s.gen.multiOn);
  return (
    <label
      className={`inline multi-toggle${off ? ' off' : ''}`}
      title={off ?? 'One Generate asks every model with a count above 0; candidates arrive as each answers'}
    >
      <input
        type="checkbox"
        aria-label="Ask several models at once"
        checked={multiOn && !off}
        disabled={!!off}
        onChange={(e) => setMultiOn(e.currentTarget.checked)}
      />
      {/* Short on the heading's line ("…at once" ran past the panel's edge); the box's name says it whole. */}
      Several models
    </label>
  );
}

/**
 * `off`: why it cannot be used now (filling an extended canvas uses the one model chosen). The box
 * stays in its place, greyed out and unticked, saying why: it went away, and every row below moved up.
 */
export function MultiModelSection({ off }: { off?: string }) {
  const { gen, rows } = useMultiRows();
  const setGen = useEditor((s) => s.setGen);
  const total = multiTotal(rows);
  // No photo or no mask: the rows and the total show no price; the footer beside Generate says why, once
  // (a line under the list said it too, and a screen reader read it twice).
  const shared = sharedRowError(rows);
  const { shown, refining } = useRunLines();
  return (
    <div className="multi-models">
      {gen.multiOn && !off && (
        <>
          {/* The single Model list and Candidates are gone while this is on (GeneratePanel): this says where they went. */}
          <div className="muted multi-note" data-testid="multi-note">
            Candidates per model (0 = not asked): this list replaces the Model list and Candidates.
          </div>
          <fieldset className="multi-list" aria-label="Models to ask">
            {rows.map((r) => (
              <div key={r.value} className={`multi-row${r.usable ? '' : ' unusable'}`}>
                {/* The short name on the row's one line ("Nano Banana 2 (Gemini 3.1 Flash Image)" wrapped to three
                    lines at 1280×800 and pushed its price down); the whole in the tooltip and the field's name. */}
                <span className="multi-name" title={r.spec.name}>
                  {shortModelName(r.spec.name)}
                </span>
                <NumberField
                  className="num"
                  aria-label={`${r.spec.name} candidates`}
                  min={0}
                  max={nRange(r.spec).max}
                  value={r.n}
                  disabled={!r.usable}
                  title={r.usable ? `0–${nRange(r.spec).max} candidates` : 'No key set (Settings ⚙)'}
                  onValue={(n) => n !== null && setGen({ multi: { ...useEditor.getState().gen.multi, [r.value]: n } })}
                />
                <span
                  className={`muted multi-price${r.n > 0 && r.estimate.ok ? ' usd' : ''}`}
                  title={!r.estimate.ok && !r.estimate.shared ? r.estimate.error : undefined}
                >
                  {r.n > 0
                    ? r.estimate.ok
                      ? formatUsd(r.estimate.usd)
                      : r.estimate.shared
                        ? ''
                        : r.estimate.error
                    : r.usable
                      ? ''
                      : 'no key'}
                </span>
              </div>
            ))}
          </fieldset>
          <div className="multi-total" data-testid="multi-total" title="The sum of every model's estimate; the models run side by side">
            {total.models} model{total.models === 1 ? '' : 's'} · {total.candidates} candidate{total.candidates === 1 ? '' : 's'}
            {shared ? '' : ` · ${total.approximate ? '≈ ' : ''}${formatUsd(total.usd)}`}
            {!shared && total.expected ? ` · ${formatExpected(total.expected)}` : ''}
          </div>
        </>
      )}
      {!off && !refining && shown.length > 0 && <RunLines />}
    </div>
  );
}

/**
 * Every model's line while they work (and after), with Cancel all models or Dismiss. A run that starts
 * brings them into view: under the list, at 1280×800 they were below the panel's fold, and a person
 * saw only "A job is running" in the footer.
 */
function RunLines() {
  const { shown, active, failedShown } = useRunLines();
  const runId = useEditor((s) => s.multiRun?.id ?? null);
  const ref = useRef<HTMLDivElement>(null);
  useRevealOnStart(ref, active ? runId : null);
  return (
    <div className="multi-run" role="status" aria-label="Models asked" ref={ref}>
      {shown.map((e) => (
        <div key={e.model} className={`multi-entry ${e.state}`} data-testid="multi-entry" data-model={e.model}>
          <span className="multi-name" title={e.modelName}>
            {shortModelName(e.modelName)} ×{e.n}
          </span>{' '}
          {/* A rate limit's "try again in 12 s" counts down, as its message does. */}
          <span>{e.state === 'failed' && e.retryAt ? <Countdown message={entryStatus(e)} at={e.retryAt} /> : entryStatus(e)}</span>
        </div>
      ))}
      {active && (
        <button
          type="button"
          title="Stop every model still working; the candidates already back stay in the strip"
          onClick={() => void cancelMulti()}
        >
          Cancel all models
        </button>
      )}
      {failedShown && (
        <button
          type="button"
          aria-label="Dismiss failed models"
          onClick={() => dismissMultiFailures()}
          title="Hide the failed models’ lines"
        >
          Dismiss
        </button>
      )}
    </div>
  );
}
