import { hasMiseTasks } from '../../src/init/mise-config.ts';
import type { InitContext } from '../../src/init/init-context.ts';
import type { InputSpec } from '../../src/inputs/input-spec.ts';

export interface InitAnswers {
  /** How the repo gets the package: npm (package.json + plopfile) or mise's npm backend. */
  via: 'npm' | 'mise';
  /** Add a task (mise or just) that runs homeops. */
  task: boolean;
}

/** The task runners of the repo that init can add a `homeops` task to. */
export function taskRunners(ctx: InitContext): string[] {
  return [
    ...(ctx.mise && hasMiseTasks(ctx.mise.data) ? [`mise (${ctx.mise.path})`] : []),
    ...(ctx.justfile ? [`just (${ctx.justfile.path})`] : []),
  ];
}

export const initInputs: InputSpec<InitContext>[] = [
  {
    name: 'via',
    message: 'How should this repo get homeops-scaffold?',
    help: 'via: npm (package.json devDependencies and a plopfile: npx plop, npx homeops) or mise (the npm backend under [tools]: homeops with no package.json; npx plop needs npm); only in a repo with a mise config',
    type: 'choice',
    when: (_answers, ctx) => ctx.mise !== undefined,
    choices: (ctx) => [
      { name: 'npm: package.json and a plopfile (npx plop, npx homeops)', value: 'npm' },
      {
        name: `mise: "npm:homeops-scaffold" under [tools] in ${ctx.mise?.path ?? '.mise.toml'} (homeops, no package.json; npx plop needs npm)`,
        value: 'mise',
      },
    ],
    default: () => 'npm',
  },
  {
    name: 'task',
    message: 'Add a "homeops" task to run it?',
    help: 'task: true to add a task named homeops where the repo runs tasks with mise or just (default true)',
    type: 'boolean',
    when: (_answers, ctx) => taskRunners(ctx).length > 0,
    default: () => true,
  },
];
