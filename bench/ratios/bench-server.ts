/**
 * The edit-time benches' OpenAI protocol server, in a process of its own (openai-server-process.ts):
 * a real service is on another machine, so its work — decoding each request, painting and encoding
 * each answer, its garbage — must not run on main's thread or heap, as it did when the server lived
 * in the harness's process. The requests it answered come back as lines with their timings (one wall
 * clock: performance.timeOrigin + now in both processes).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PHOTOS, REPO } from '../../test/support/app-harness';

export interface BenchRequest {
  index: number;
  receivedAt: number;
  answeredAt?: number;
  imageSizes: { width: number; height: number }[];
}

export interface BenchServer {
  url: string;
  /** Requests answered so far, in the order they were answered. */
  requests: BenchRequest[];
  /** The next answer paints photo texture into the mask (coffee.png, then colorful-cups.jpg per candidate). */
  fill(): void;
  /** Resolves once `count` requests have been reported (at most `timeoutMs`). */
  settle(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const FILL_FILES = ['coffee.png', 'colorful-cups.jpg'].map((f) => join(PHOTOS, f));

export function startBenchServer(): Promise<BenchServer> {
  const args = [join(REPO, 'scripts/run-ts.mjs'), join(REPO, 'bench/ratios/openai-server-process.ts')];
  const niced = process.env.MASKWORK_BENCH_SERVER_NICE !== '0' && process.platform !== 'win32';
  const child = spawn(niced ? 'nice' : process.execPath, niced ? ['-n', '19', process.execPath, ...args] : args, {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const requests: BenchRequest[] = [];
  const waiters: (() => void)[] = [];
  return new Promise((resolve, reject) => {
    let out = '';
    let url = '';
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!url) reject(new Error(`the protocol server process exited (${code}) before listening`));
    });
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      out += d;
      let nl = out.indexOf('\n');
      while (nl >= 0) {
        const line = out.slice(0, nl).trim();
        out = out.slice(nl + 1);
        nl = out.indexOf('\n');
        if (!line.startsWith('{')) continue;
        const msg = JSON.parse(line) as { url?: string; request?: BenchRequest };
        if (msg.request) {
          requests.push(msg.request);
          for (const w of waiters.splice(0)) w();
        } else if (msg.url && !url) {
          url = msg.url;
          resolve({
            url,
            requests,
            fill: () => child.stdin!.write(`script ${JSON.stringify({ fillImages: FILL_FILES })}\n`),
            async settle(count, timeoutMs = 5_000) {
              const until = Date.now() + timeoutMs;
              while (requests.length < count && Date.now() < until)
                await new Promise<void>((r) => {
                  waiters.push(r);
                  setTimeout(r, 50);
                });
            },
            close: () =>
              new Promise<void>((r) => {
                child.once('exit', () => r());
                child.stdin!.end();
                setTimeout(() => child.kill(), 3_000).unref();
              }),
          });
        }
      }
    });
  });
}
