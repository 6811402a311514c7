// node --import ./bench/trace-imports.mjs ...: prints every package the process resolves, on exit.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const seen = new Set();
port1.on('message', (url) => seen.add(url));
port1.unref();
register('./trace-imports-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
process.on('exit', () => process.stderr.write(`TRACE ${JSON.stringify([...seen])}\n`));
