import { HomeopsError } from '../errors.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import type { Engine } from '../layouts/detect-layout.ts';
import type { Printer } from './print-result.ts';

/**
 * Ask a person which engine deploys new apps in a repo with both Flux and Argo CD objects, and
 * say how to pin the answer so that the question is not asked again.
 */
export async function askEngine(io: Printer): Promise<Engine> {
  const { default: inquirer } = await import('inquirer');
  const answer = (await inquirer.prompt([
    {
      type: 'list',
      name: 'engine',
      message: 'This repo has Flux and Argo CD objects. Which one deploys the new app?',
      choices: [
        { name: 'Flux (Kustomizations)', value: 'flux' },
        { name: 'Argo CD (Applications / ApplicationSets)', value: 'argocd' },
      ],
    },
  ])) as { engine?: unknown };
  if (answer.engine !== 'flux' && answer.engine !== 'argocd')
    throw new HomeopsError('USAGE', 'no engine chosen', {
      fix: `set "engine: flux" or "engine: argocd" in ${CONFIG_FILE}`,
    });
  io.err(`(to be asked no more: "engine: ${answer.engine}" in ${CONFIG_FILE})\n`);
  return answer.engine;
}
