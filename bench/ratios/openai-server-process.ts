/**
 * The local OpenAI protocol server in a process of its own, for the history memory bench: the
 * server (which paints each answer with sharp and logs what it received) is not part of the app, so
 * its memory must not count as main's. Prints `{"url": …}` once listening; a line `clear` on stdin
 * empties its request log; exits when stdin closes.
 */
import { startOpenAIServer } from '../../test/servers';

const server = await startOpenAIServer();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  buffered += chunk;
  let nl = buffered.indexOf('\n');
  while (nl >= 0) {
    if (buffered.slice(0, nl).trim() === 'clear') server.requests.length = 0;
    buffered = buffered.slice(nl + 1);
    nl = buffered.indexOf('\n');
  }
});
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
