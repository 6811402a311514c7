import { main } from './main.ts';

const code = await main({
  argv: process.argv.slice(2),
  io: { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI,
});
process.exitCode = code;
