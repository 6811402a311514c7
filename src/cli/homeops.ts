import { paintFor, wantsColour } from './paint.ts';

const argv = process.argv.slice(2);

// `homeops ... | head` closes the pipe early: that is the reader's choice, not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const { main } = await import('./main.ts');

const code = await main({
  argv,
  io: {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    paint: {
      out: paintFor(wantsColour(process.stdout)),
      err: paintFor(wantsColour(process.stderr)),
    },
  },
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI,
});
process.exitCode = code;
