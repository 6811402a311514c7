import type { PlanResult } from '../../src/engine/generator.ts';
import { ignoreNodeModules } from '../../src/init/gitignore.ts';
import type { InitContext } from '../../src/init/init-context.ts';
import { addRecipe } from '../../src/init/justfile.ts';
import { addMiseTask, addMiseTool, hasMiseTasks } from '../../src/init/mise-config.ts';
import { addDevDependencies, newPackageJson } from '../../src/init/package-json.ts';
import { loadsHomeops, plopfileText } from '../../src/init/plopfile-text.ts';
import type { InitAnswers } from './inputs.ts';

const TASK = 'homeops';
const TASK_DOC = 'Add an app, namespace, secret, Talos node or patch (homeops-scaffold)';

/** npm: devDependencies pinned exactly, a plopfile that loads the generators, node_modules/ ignored. */
function planNpm(ctx: InitContext, generators: readonly string[]): string[] {
  const { tree, own } = ctx;
  const pins = { 'homeops-scaffold': own.version, plop: own.plopVersion };
  if (!ctx.packageJson) tree.create('package.json', newPackageJson(pins));
  else {
    const next = addDevDependencies(ctx.packageJson.text, pins);
    if (next !== undefined) tree.update('package.json', next);
  }
  const gitignore = ignoreNodeModules(tree.read('.gitignore'));
  if (gitignore !== undefined) tree.write('.gitignore', gitignore);
  if (!ctx.plopfile) {
    tree.create(ctx.esm ? 'plopfile.js' : 'plopfile.mjs', plopfileText(generators));
    return [];
  }
  if (loadsHomeops(ctx.plopfile.text)) return [];
  return [
    `${ctx.plopfile.path} is the repo's own plopfile and does not load homeops-scaffold, so it is left as it is: add \`import homeops from 'homeops-scaffold'\` and \`await homeops(plop)\` to its function (or \`await plop.load('homeops-scaffold')\`, which drops the descriptions from plop's list)`,
  ];
}

/** A `homeops` task in the repo's mise config (when it has tasks) and its justfile. */
function planTasks(ctx: InitContext, command: string): string[] {
  const added: string[] = [];
  if (ctx.mise && hasMiseTasks(ctx.mise.data)) {
    const task = { description: TASK_DOC, run: command, raw: true };
    const text = ctx.tree.read(ctx.mise.path) ?? ctx.mise.text; // with the [tools] entry, if added
    const next = addMiseTask(ctx.mise.path, text, TASK, task);
    if (next !== undefined) ctx.tree.update(ctx.mise.path, next);
    added.push(`mise run ${TASK} app`);
  }
  if (ctx.justfile) {
    const next = addRecipe(ctx.justfile.text, TASK, TASK_DOC, command);
    if (next !== undefined) ctx.tree.update(ctx.justfile.path, next);
    added.push(`just ${TASK} app`);
  }
  return added;
}

/** `homeops init`: what the repo needs to run the generators from its root and any subfolder. */
export function planInit(
  ctx: InitContext,
  answers: Partial<InitAnswers>,
  generators: readonly string[],
): PlanResult {
  const via = answers.via ?? 'npm';
  const { own } = ctx;
  const warnings: string[] = [];
  if (via === 'npm') warnings.push(...planNpm(ctx, generators));
  else if (ctx.mise) {
    const next = addMiseTool(ctx.mise.path, ctx.mise.text, 'npm:homeops-scaffold', own.version);
    if (next !== undefined) ctx.tree.update(ctx.mise.path, next);
  }
  const tasks = answers.task ? planTasks(ctx, via === 'mise' ? 'homeops' : 'npx homeops') : [];
  const also = tasks.length ? `, or ${tasks.join(' / ')}` : '';
  const nextSteps =
    via === 'npm'
      ? [
          'npm install (it writes package-lock.json; commit it with the files above)',
          `then, from the repo root or any folder in it: npx plop (or npx plop app), npx homeops app${also}`,
        ]
      : [
          `mise install (mise's npm backend installs homeops-scaffold ${own.version} with npm)`,
          `then, from the repo root or any folder in it: homeops app${also}`,
          'npx plop needs a package.json with plop and a plopfile: homeops init --via=npm',
        ];
  return {
    summary:
      via === 'npm'
        ? `homeops-scaffold ${own.version} and plop ${own.plopVersion} for npx plop and npx homeops`
        : `homeops-scaffold ${own.version} through mise ([tools] in ${ctx.mise?.path ?? ''})`,
    nextSteps,
    warnings,
  };
}
