import { join, resolve } from 'node:path';
import { APP_TEMPLATE_URL } from '../flux/app-template.ts';
import { prefetchChartTag } from '../flux/chart-prefetch.ts';
import { peekOption } from './parse-argv.ts';
import { findRepoRoot } from './repo-root.ts';
import { paintFor, wantsColour } from './paint.ts';

// `homeops app` defaults the chart version to the one the repo uses most: start counting on the
// other core now, while the rest of the CLI loads (see chart-prefetch.ts).
const argv = process.argv.slice(2);
if (argv[0] === 'app' && !argv.some((a) => a.startsWith('--chartVersion'))) {
  prefetchChartTag(
    join(resolve(peekOption(argv, 'dest') ?? findRepoRoot('.')), 'kubernetes/apps'),
    peekOption(argv, 'chart') ?? APP_TEMPLATE_URL,
  );
}

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
