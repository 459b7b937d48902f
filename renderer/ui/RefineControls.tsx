/**
 * "Refine with…" next to the staged candidates: the selected candidate, composited over the photo,
 * goes to another model as the new source with the same mask and the prompt in the prompt box
 * (edit it first to change the instruction). One click: a Nano Banana 2 draft → GPT Image 2 polish.
 * The model chosen (picked, or refined with) stays chosen for the next Refine.
 */
import { useShallow } from 'zustand/react/shallow';
import { refineWith } from '../commands/multi-generate';
import { modelOptions } from '../commands/current-estimate';
import { refineDefault } from '../model/model-options';
import { useEditor } from '../commands/store/store';
import { priceWith, usdWith } from '../commands/model-price';
import { capWarningFor } from '../commands/spend-cap-view';
import { shortModelName } from '../../shared/models/display-name';

export function RefineControls() {
  // prefs and spend: the spend cap's warning below follows the cap and the ledger.
  const { staging, keyStatus, providerSettings } = useEditor(
    useShallow((s) => ({
      staging: s.staging,
      keyStatus: s.keyStatus,
      providerSettings: s.providerSettings,
      prefs: s.prefs,
      spend: s.spend,
    })),
  );
  // The retoucher's choice stays, as a Photoshop list keeps its value: the model picked here or last
  // refined with. It used to live only while the strip was open and to count only when picked, so a
  // Nano Banana 2 draft refined with the preselected GPT Image 2 left the list on Nano Banana Pro (the
  // strongest model other than the refined candidate's), and the next Refine went there unasked.
  const picked = useEditor((s) => s.gen.refineModel);
  const sel = staging.items[staging.selected];
  const usable = modelOptions({ ...useEditor.getState(), keyStatus, providerSettings }).filter((o) => o.usable);
  if (!sel || !usable.length) return null;
  // Until one is chosen: the strongest other usable model (GPT Image 2 for a Nano Banana 2 draft, the usual polish).
  const fallback = refineDefault(sel.model, usable) ?? usable[0].value;
  const value = picked && usable.some((o) => o.value === picked) ? picked : fallback;
  const choose = (refineModel: string) => useEditor.getState().setGen({ refineModel });
  // One candidate of the chosen model over the same mask: said before the click, like Generate's.
  const price = priceWith(useEditor.getState(), value, 1);
  // Above Settings → Spend cap main refuses it (nothing sent): said before the click, in the words
  // the Generate panel and main use, and the button waits (it gave no warning, then an error).
  const over = capWarningFor(useEditor.getState(), usdWith(useEditor.getState(), value, 1));
  return (
    <>
      <span className="refine">
        {/* Short names ("Nano Banana Pro"), the list as wide as the chosen one: the strip's row then fits a 1280×800 window. */}
        <select
          aria-label="Refine with"
          value={value}
          title={usable.find((o) => o.value === value)?.spec.name}
          onChange={(e) => choose(e.currentTarget.value)}
        >
          {usable.map((o) => (
            <option key={o.value} value={o.value} title={o.spec.name}>
              {shortModelName(o.spec.name)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!!over}
          onClick={() => {
            choose(value);
            void refineWith(value, sel.key);
          }}
          title={
            over ??
            `Send this candidate (over the photo) to the chosen model with the same mask and the prompt in the box${price ? ` (${price})` : ''}`
          }
        >
          Refine
        </button>
        {price && (
          <span className="muted" data-testid="refine-price">
            {price}
          </span>
        )}
      </span>
      {over && (
        <div className="warning refine-cap" role="alert" data-testid="refine-cap-warning">
          Refine: {over}
        </div>
      )}
    </>
  );
}
