import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantFor } from '../src/engine/by-layout.ts';
import { openRepo } from '../src/engine/open-repo.ts';
import { runGenerator, type RunResult } from '../src/engine/run-generator.ts';
import type { Answers } from '../src/inputs/input-spec.ts';
import { GENERATORS } from '../generators/index.ts';
import { kustomize } from './support/temp-repo.ts';

export { changedFiles } from './support/golden.ts';

/** A generator run through the engine, as a dry run: its changes and how many documents it validated. */
export async function dryRun(generator: string, dest: string, given: Answers): Promise<RunResult> {
  const repo = openRepo(dest);
  return runGenerator(await variantFor(await GENERATORS[generator]!(), repo), {
    dest,
    given,
    dryRun: true,
    repo,
  });
}

/** The layout has no kustomizations: build an app's k8s/ folder through a temporary one listing its files. */
export function kustomizeK8s(dir: string, files: string[]): string {
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${files.map((f) => `  - ${f}\n`).join('')}`,
  );
  return kustomize(dir);
}
