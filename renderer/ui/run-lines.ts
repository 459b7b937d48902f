/**
 * The lines of the last several-models or refine run that still concern the open document (the
 * models still working, and those whose candidates are still in the strip), shared by "Several
 * models at once" and the refine line (RefineStatus), which shows in an outpaint too.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runActive, shownEntries } from '../model/multi-plan';
import { useEditor } from '../commands/store/store';

export function useRunLines() {
  const { docId, multiOn, multiRun } = useEditor(
    useShallow((s) => ({ docId: s.doc?.id ?? null, multiOn: s.gen.multiOn, multiRun: s.multiRun })),
  );
  // Which jobs still have candidates in the strip: a finished model's line goes with them.
  const stagedJobs = useEditor((s) => s.staging.items.map((c) => c.jobId).join('\n'));
  const shown = useMemo(
    () => shownEntries(multiRun, { docId, stagedJobIds: new Set(stagedJobs.split('\n')), multiOn }),
    [multiRun, docId, stagedJobs, multiOn],
  );
  const active = runActive(multiRun?.entries);
  return {
    shown,
    active,
    failedShown: !active && shown.some((e) => e.state === 'failed'),
    // "Refine with…" runs as a one-model run: its line is its own, not one of "Several models".
    refining: !!multiRun?.lineage,
  };
}
