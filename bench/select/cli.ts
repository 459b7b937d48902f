/** Entry of the selection benchmark (run by bench/run.ts in its own process): `--quick` for a short run. */
import { runSelectBench } from './run';

await runSelectBench(process.argv.includes('--quick'));
