import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HomeopsError } from '../errors.ts';
import { didYouMean } from './did-you-mean.ts';
import { peekOption } from './parse-argv.ts';
import type { Printer } from './print-result.ts';
import { findRepoRoot } from './repo-root.ts';

export const INFO_DESCRIPTION =
  'the repo explained: its shape, clusters, apps, charts, gateways, storage, secret stores, Talos nodes, and how to add each thing (writes nothing)';

export const INFO_HELP = `homeops info: ${INFO_DESCRIPTION}

options:
  --dest DIR        the home-ops repo (default: the git repo of the current folder)
  --json            one JSON object for tools (keys: README, "Learn a repo: homeops info")
`;

/**
 * The git repo the current folder is in. Outside one, info refuses rather than read every file
 * below the current folder (a home folder, /tmp) looking for GitOps objects.
 */
function gitRepoAround(cwd: string): string {
  const root = findRepoRoot(cwd);
  if (existsSync(join(root, '.git'))) return root;
  throw new HomeopsError('LAYOUT', `${cwd} is not inside a git repo`, {
    fix: 'run homeops info in your home-ops repo (any folder of it), or pass --dest DIR',
  });
}

const FLAGS = ['--json', '--dest', '--help', '-h'];

/** `homeops info [--dest DIR] [--json]`: read the repo, print what homeops learned; never writes. */
export async function infoCommand(argv: readonly string[], io: Printer): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(INFO_HELP);
    return;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const flag = arg.split('=')[0] ?? '';
    if (flag === '--dest' && !arg.includes('=')) i++;
    if (FLAGS.includes(flag)) continue;
    const near = didYouMean(flag.replace(/^-+/, ''), ['json', 'dest', 'help']);
    throw new HomeopsError(
      'USAGE',
      `homeops info does not take ${arg}${near ? `; did you mean --${near}?` : ''}`,
      { fix: 'homeops info [--dest DIR] [--json]' },
    );
  }
  const dest = peekOption(argv, 'dest') ?? gitRepoAround(process.cwd());
  const [{ openRepo }, { describeRepo }, { renderText }, { renderJson }] = await Promise.all([
    import('../engine/open-repo.ts'),
    import('../info/describe-repo.ts'),
    import('../info/render-text.ts'),
    import('../info/render-json.ts'),
  ]);
  const model = describeRepo(openRepo(dest));
  io.out(argv.includes('--json') ? renderJson(model) : renderText(model));
}
