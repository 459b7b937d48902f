/**
 * Entry of the selection benchmark (run by bench/run.ts in its own process): `--quick` for a short
 * run, `--no-timing` for the IoU tables alone, `--no-app` without the in-app (Chromium) timing.
 */
import { runSelectBench } from './run';

await runSelectBench(process.argv.includes('--quick'), process.argv.includes('--no-timing'), process.argv.includes('--no-app'));
