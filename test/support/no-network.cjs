// Preloaded with `node --require` (it also runs in worker threads): any attempt to reach the
// network prints "NETWORK ATTEMPT" on stderr and throws, so a test can prove code stays offline.
const fail = (what) => {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network disabled by test: ${what}`);
};
globalThis.fetch = async (url) => fail(`fetch ${String(url)}`);
for (const name of ['http', 'https']) {
  const mod = require(name);
  mod.request = () => fail(`${name}.request`);
  mod.get = () => fail(`${name}.get`);
}
const net = require('node:net');
net.connect = () => fail('net.connect');
net.createConnection = () => fail('net.createConnection');
net.Socket.prototype.connect = () => fail('socket.connect');
const dns = require('node:dns');
dns.lookup = (host) => fail(`dns ${host}`);
