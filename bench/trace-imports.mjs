// node --import ./bench/trace-imports.mjs ...: prints, on exit, every package the process resolves
// and every module file of this package's bundle it loads: TRACE {"packages": [...], "bundle": [...]}.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const packages = new Set();
const bundle = new Set();
port1.on('message', (url) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) packages.add(pkg[1]);
  else if (/\/dist\/[^/]+$/.test(url)) bundle.add(url.slice(url.lastIndexOf('/') + 1));
});
port1.unref();
register('./trace-imports-hooks.mjs', {
  parentURL: import.meta.url,
  data: { port: port2 },
  transferList: [port2],
});
process.on('exit', () =>
  process.stderr.write(
    `TRACE ${JSON.stringify({ packages: [...packages], bundle: [...bundle] })}\n`,
  ),
);
