/**
 * The local OpenAI protocol server in a process of its own, for the benches: the server (which paints
 * each answer with sharp and logs what it received) is not part of the app, so neither its memory nor
 * its CPU and garbage may count as main's (a real service is on another machine). Prints
 * `{"url": …}` once listening, then `{"request": {…}}` for every request it has answered (timings and
 * image sizes, no bytes). Lines on stdin: `clear` empties its request log; `script {"fillImages":
 * [paths]}` queues an answer painted with those files. Exits when stdin closes.
 */
import { readFileSync } from 'node:fs';
import { startOpenAIServer } from '../../test/servers';

const server = await startOpenAIServer();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const reported = new Set<number>();
// Each request is reported once it has been answered (or ended otherwise).
setInterval(() => {
  for (const r of server.requests) {
    if (reported.has(r.index) || (r.answeredAt === undefined && !r.aborted)) continue;
    reported.add(r.index);
    const { index, receivedAt, answeredAt, imageSizes, outcome, path } = r;
    process.stdout.write(`${JSON.stringify({ request: { index, receivedAt, answeredAt, imageSizes, outcome, path } })}\n`);
  }
}, 2).unref();
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  buffered += chunk;
  let nl = buffered.indexOf('\n');
  while (nl >= 0) {
    const line = buffered.slice(0, nl).trim();
    if (line === 'clear') server.requests.length = 0;
    else if (line.startsWith('script ')) {
      const step = JSON.parse(line.slice(7)) as { fillImages?: string[] };
      server.script({ fillImages: step.fillImages?.map((f) => readFileSync(f)) });
    }
    buffered = buffered.slice(nl + 1);
    nl = buffered.indexOf('\n');
  }
});
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
