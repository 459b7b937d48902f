/**
 * How much of a fill the lanes can split, and how evenly (issue 13's "use both cores"):
 *   node scripts/run-ts.mjs bench/fill/lane-split.ts [--cases=chelsea:box,building:blob,…]
 * In-process, one thread: each fill runs with a recording FillLanes that runs chunk 0 and then chunk 1
 * of every split pass here, timing each on the CPU clock (the chunks are the same work the helper thread
 * would get; same bytes). Per case (median of 3 warm fills): CPU s/MP, the split passes' share of the
 * fill, chunk 0 / chunk 1 CPU seconds per pass kind, and the wall time two idle cores would give at
 * best (the serial part + the longer chunk of every pass).
 */
import { inpaint, runLaneTask, type FillLanes, type LaneState } from '../../shared/engine';
import { loadFillCase, type MaskKind } from './load';

const arg = process.argv.find((a) => a.startsWith('--cases='))?.slice(8);
const caseList = (arg ?? 'building:box,chelsea:box,coffee:box,rocket:box,bokeh-dandelion:box').split(',');
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
let sumFill = 0;
let sumSplit = 0;
let sumLonger = 0;
let sumMp = 0;
for (const cs of caseList) {
  const [name, kind] = cs.split(':');
  const fc = await loadFillCase(name, kind as MaskKind);
  const mp = (fc.region.width * fc.region.height) / 1e6;
  for (let i = 0; i < 2; i++) inpaint(fc.image, fc.mask, { seed: 1 });
  const reps: { fill: number; by: Record<string, [number, number]> }[] = [];
  for (let rep = 0; rep < 3; rep++) {
    let state: LaneState | null = null;
    const by: Record<string, [number, number]> = {};
    const lanes: FillLanes = {
      accepts: () => true,
      share: (s) => {
        state = s;
      },
      run: (task, local) => {
        const a = cpu();
        local();
        const b = cpu();
        if (!state) throw new Error('no state shared');
        runLaneTask(state, task, 1);
        const c = cpu();
        by[task.kind] ??= [0, 0];
        by[task.kind][0] += b - a;
        by[task.kind][1] += c - b;
      },
    };
    const t = cpu();
    inpaint(fc.image, fc.mask, { seed: 1, lanes });
    reps.push({ fill: cpu() - t, by });
  }
  reps.sort((a, b) => a.fill - b.fill);
  const r = reps[1];
  let split = 0;
  let longer = 0;
  const parts = Object.entries(r.by).map(([k, [a, b]]) => {
    split += a + b;
    longer += Math.max(a, b);
    return `${k} ${a.toFixed(3)}/${b.toFixed(3)}`;
  });
  sumFill += r.fill;
  sumSplit += split;
  sumLonger += longer;
  sumMp += mp;
  console.log(
    `${cs} (${mp.toFixed(3)} MP): ${(r.fill / mp).toFixed(2)} CPU s/MP, split ${((split / r.fill) * 100).toFixed(0)} % (chunk 0/1 CPU s: ${parts.join(', ')}); two idle cores at best ${((r.fill - split + longer) / mp).toFixed(2)} s/MP`,
  );
}
console.log(
  `all: ${(sumFill / sumMp).toFixed(3)} CPU s/MP, split ${((sumSplit / sumFill) * 100).toFixed(0)} %, two idle cores at best ${((sumFill - sumSplit + sumLonger) / sumMp).toFixed(3)} s/MP`,
);
