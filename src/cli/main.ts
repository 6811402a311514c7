import { constants } from 'node:os';
import { GENERATORS } from '../../generators/index.ts';
import { variantFor } from '../engine/by-layout.ts';
import type { AnyGenerator, RepoContext } from '../engine/generator.ts';
import { openRepo } from '../engine/open-repo.ts';
import { asksForEngine } from '../layouts/detect-layout.ts';
import { runGenerator } from '../engine/run-generator.ts';
import { errorsOf, HomeopsError } from '../errors.ts';
import { echo } from '../inputs/value-text.ts';
import { ownPackage } from '../init/own-package.ts';
import { InterruptedError } from '../tree/commit-signals.ts';
import { didYouMean } from './did-you-mean.ts';
import { generatorHelp } from './generator-help.ts';
import { learnedDefaults } from './learned-defaults.ts';
import { INFO_DESCRIPTION, infoCommand } from './info-command.ts';
import { NO_PAINT } from './paint.ts';
import { parseGeneratorArgv, peekOption } from './parse-argv.ts';
import { personAtTerminal } from './person-at-terminal.ts';
import { jsonResult, printResult, type Printer } from './print-result.ts';
import { readAnswersFile } from './read-answers-file.ts';
import { findRepoRoot } from './repo-root.ts';

/** What `homeops` runs: the generators plop lists too, and `init`, which sets a repo up for them. */
const COMMANDS: typeof GENERATORS = {
  ...GENERATORS,
  init: async () => (await import('../../generators/init/init.ts')).initGenerator,
};

export interface CliEnv {
  argv: string[];
  io: Printer;
  /** Whether a person is at a terminal to answer prompts. */
  interactive: boolean;
}

async function usage(): Promise<string> {
  const lines = await Promise.all(
    Object.entries(COMMANDS).map(
      async ([name, load]) => `  ${name.padEnd(10)} ${(await load()).description}`,
    ),
  );
  return `usage: homeops <generator> [--dest DIR] [--dry-run] [--yes] [--json] [--answers FILE] [--<input>=<value> ...]

generators:
${lines.join('\n')}

  homeops info [--json]        ${INFO_DESCRIPTION}

  homeops <generator> --help   lists its inputs
  homeops --version            prints the version of homeops-scaffold

Without --dest, the repo is the git repo of the current folder (its root, as git finds it).
exit codes: 0 written, nothing to do or answered no, 1 invalid input, conflict or failed validation (nothing written),
  2 usage error, 130 or 143 interrupted by Ctrl-C or SIGTERM (nothing written, or what was written is undone)
`;
}

/** Run the CLI; returns the exit code. Never calls process.exit itself. */
export async function main({ argv, io, interactive }: CliEnv): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name) io.out(await usage());
    else io.err(await usage()); // no generator named: a usage error
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`${ownPackage().version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  let json = rest.includes('--json');
  try {
    if (name === 'info') {
      await infoCommand(rest, io);
      return 0;
    }
    if (!load) {
      const near = didYouMean(name, [...Object.keys(COMMANDS), 'info']);
      throw new HomeopsError(
        'USAGE',
        `unknown generator "${name}"${near ? `; did you mean "${near}"?` : ''}`,
        { fix: `use one of: ${Object.keys(COMMANDS).join(', ')}` },
      );
    }
    const entry = await load();
    const wantsHelp = rest.includes('--help') || rest.includes('-h');
    // the layout decides the variant, and the variant its inputs (flags): open the repo first
    const interactiveRun = interactive && !rest.includes('--yes') && !rest.includes('-y') && !json;
    let repo: RepoContext | undefined;
    let generator = entry;
    let repoProblem: unknown;
    // --dest names the repo; without it, the repo around the current folder (from any subfolder)
    const dest = peekOption(rest, 'dest') ?? findRepoRoot(process.cwd());
    try {
      try {
        repo = openRepo(dest, interactiveRun);
        generator = await variantFor(entry, repo);
      } catch (error) {
        // a repo with both Flux and Argo CD objects: a person says which deploys new apps
        if (!interactiveRun || !asksForEngine(error)) throw error;
        const { askEngine } = await import('./ask-engine.ts');
        repo = openRepo(dest, interactiveRun, await askEngine(io));
        generator = await variantFor(entry, repo);
      }
    } catch (error) {
      repoProblem = wantsHelp ? undefined : error; // --help outside a repo lists the Flux variant's inputs
    }
    const options = parseGeneratorArgv(rest, generator.inputs); // usage errors first
    if (repoProblem) throw repoProblem;
    json = options.json;
    if (options.help) {
      const learned = repo ? await learnedHere(generator, repo) : undefined;
      io.out(generatorHelp(name, generator.description, generator.inputs, learned));
      return 0;
    }
    const fromFile = options.answers ? readAnswersFile(options.answers) : {};
    const strays = Object.keys(fromFile).filter(
      (key) => !generator.inputs.some((spec) => spec.name === key),
    );
    if (strays.length) {
      const near = didYouMean(
        strays[0] ?? '',
        generator.inputs.map((spec) => spec.name),
      );
      throw new HomeopsError(
        'USAGE',
        `the answers file ${options.answers} has key${strays.length > 1 ? 's' : ''} ${strays.map(echo).join(', ')}, which ${name} does not take${near ? `; did you mean ${near}?` : ''}`,
        {
          field: 'answers',
          file: options.answers,
          fix: `the inputs of ${name} here are: ${generator.inputs.map((spec) => spec.name).join(', ')}`,
        },
      );
    }
    const given = { ...fromFile, ...options.given };
    const person = interactiveRun ? await personAtTerminal(io, options.dryRun) : undefined;
    try {
      const result = await runGenerator(generator, {
        dest,
        repo,
        given,
        ask: person?.ask,
        confirm: person?.confirm,
        dryRun: options.dryRun,
      });
      if (json) io.out(`${JSON.stringify(jsonResult(result, options.dryRun), null, 2)}\n`);
      else
        printResult(result, options.dryRun, io, Boolean(person?.confirm && result.changes.length));
      return 0;
    } finally {
      person?.release();
    }
  } catch (error) {
    return reportError(error, json, io);
  }
}

function reportError(error: unknown, json: boolean, io: Printer): number {
  const errors = errorsOf(error);
  if (!errors) {
    const message = error instanceof Error ? error.message : String(error);
    if (json)
      io.out(
        `${JSON.stringify({ ok: false, errors: [{ code: 'INTERNAL', message }] }, null, 2)}\n`,
      );
    else
      io.err(
        `homeops: internal error: ${message}\nnothing was written. Please report this with the command you ran.\n`,
      );
    if (process.env.HOMEOPS_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return 1;
  }
  if (json)
    io.out(`${JSON.stringify({ ok: false, errors: errors.map((e) => e.toJSON()) }, null, 2)}\n`);
  else {
    const red = (io.paint?.err ?? NO_PAINT).red;
    for (const e of errors) io.err(`${red('error:')} ${e.format()}\n`);
    io.err('nothing was written\n');
  }
  // stopped by a signal (its changes undone): exit as a process ended by that signal would
  const interrupted = errors.find((e) => e instanceof InterruptedError);
  if (interrupted instanceof InterruptedError) return 128 + constants.signals[interrupted.signal];
  return errors.some((e) => e.code === 'USAGE') ? 2 : 1;
}

/** The defaults of a generator's inputs in this repo; none where the repo cannot tell them. */
async function learnedHere(
  generator: AnyGenerator,
  repo: RepoContext,
): Promise<Map<string, string> | undefined> {
  try {
    return await learnedDefaults(generator.inputs, generator.context(repo));
  } catch {
    return undefined; // a repo this generator cannot read: the rules alone
  }
}
