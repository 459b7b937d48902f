/**
 * The CLI as a child process interrupted as a user would (Ctrl+C = SIGINT, or SIGTERM): started,
 * signalled once `ready()` holds, and followed to its exit with everything it printed.
 */
import { spawn } from 'node:child_process';
import { withTestSettings } from './cli-run';

export interface Interrupted {
  code: number | null;
  stdout: string;
  stderr: string;
  /** ms from the signal to the exit. */
  afterSignal: number;
}

/** Runs `node bin args` with `env`, sends `signal` once `ready()` holds, calls `after()` 300 ms later (if given), resolves at exit. */
export async function interruptCliWhen(
  bin: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: () => boolean,
  signal: NodeJS.Signals = 'SIGINT',
  after?: () => void,
): Promise<Interrupted> {
  const child = spawn(process.execPath, [bin, ...args], { env: withTestSettings(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  const t0 = Date.now();
  while (!ready()) {
    if (Date.now() - t0 > 30_000 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`never ready; stderr: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const sentAt = Date.now();
  child.kill(signal);
  if (after) {
    await new Promise((r) => setTimeout(r, 300));
    after();
  }
  const code = await exited;
  const afterSignal = Date.now() - sentAt;
  // The streams' last bytes.
  await new Promise((r) => setTimeout(r, 50));
  return { code, stdout, stderr, afterSignal };
}
