/**
 * Under the cost line while Settings → Spend cap is on: what is left of it ("Spend cap: $1.20 left
 * today"), and a warning in main's own words when the next Generate's worst case would go above it
 * (main refuses it: nothing is sent). Generate stays enabled — main's check is the real one.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../../commands/store/store';
import { spendCapView } from '../../commands/spend-cap-view';

export function SpendCapLine() {
  const { doc, gen, keyStatus, providerSettings, prefs, spend, extend, tool } = useEditor(
    useShallow((s) => ({
      doc: s.doc,
      gen: s.gen,
      keyStatus: s.keyStatus,
      providerSettings: s.providerSettings,
      prefs: s.prefs,
      spend: s.spend,
      extend: s.extend,
      tool: s.tool,
    })),
  );
  const view = useMemo(
    () => spendCapView({ ...useEditor.getState(), doc, gen, keyStatus, providerSettings, prefs, spend, extend, tool }),
    [doc, gen, keyStatus, providerSettings, prefs, spend, extend, tool],
  );
  if (!view) return null;
  return (
    <>
      <div className="muted spend-cap-left" data-testid="spend-cap-left" title="Settings → Spend cap; main refuses a paid request above it">
        {view.left}
      </div>
      {view.warning && (
        <div className="warning" role="alert" data-testid="spend-cap-warning">
          {view.warning}
        </div>
      )}
    </>
  );
}
