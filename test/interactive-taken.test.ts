import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../generators/index.ts';
import { variantFor } from '../src/engine/by-layout.ts';
import { openRepo } from '../src/engine/open-repo.ts';
import type { Answers, InputSpec } from '../src/inputs/input-spec.ts';
import { promptWording } from '../src/inputs/prompt-wording.ts';
import { resolveInputs, type Asker } from '../src/inputs/resolve-inputs.ts';
import { copyFixture } from './support/temp-repo.ts';

/** A person who types `typed[input]` in turn (then takes the defaults), and what they were told. */
function person(
  typed: Record<string, string[]>,
): Asker<unknown> & { told: string[]; asked: string[]; offered: string[] } {
  const told: string[] = [];
  const asked: string[] = [];
  const offered: string[] = [];
  return {
    told,
    asked,
    offered,
    ask: async (spec: InputSpec<unknown>, _a: Answers, _c: unknown, fallback: unknown) => {
      asked.push(spec.name);
      return typed[spec.name]?.shift() ?? fallback;
    },
    moreOptions: async (defaulted) => {
      offered.push(...defaulted.map((d) => `${d.spec.name} ${String(d.value)}`));
      return false;
    },
    refused: (problem, at, to) =>
      void told.push(`${at.name}->${to.name}: ${promptWording(problem, at as InputSpec<never>)}`),
  };
}

async function resolveAtPrompts(
  fixture: string,
  generator: string,
  typed: Record<string, string[]>,
) {
  const repo = openRepo(copyFixture(fixture), true);
  const load = GENERATORS[generator];
  if (!load) throw new Error(`no generator ${generator}`);
  const variant = await variantFor(await load(), repo);
  const asker = person(typed);
  const answers = await resolveInputs(variant.inputs, variant.context(repo), {
    given: {},
    ask: asker,
  });
  return { answers, told: asker.told, asked: asker.asked, offered: asker.offered };
}

describe('a name the repo has already is refused at the prompt that makes it conflict', () => {
  it('argocd: an Application name, at the name prompt', async () => {
    const run = await resolveAtPrompts('argocd', 'app', {
      name: ['homarr', 'hello-web'],
      image: ['ghcr.io/traefik/whoami:v1.10.4'],
      port: ['80'],
    });
    expect(run.told).toEqual([
      'name->name: an Application named homarr already exists (kubernetes/argocd/apps/homarr.yaml): type another name',
    ]);
    expect(run.answers.name).toBe('hello-web');
  });

  it('argocd-mise: an Application name, at the name prompt', async () => {
    const run = await resolveAtPrompts('argocd-mise', 'app', {
      name: ['mealie', 'whoami'],
      image: ['ghcr.io/traefik/whoami:v1.10.4'],
      port: ['80'],
    });
    expect(run.told).toEqual([
      'name->name: an Application named mealie already exists (src/apps/services/mealie/application.yaml): type another name',
    ]);
    expect(run.answers.name).toBe('whoami');
  });

  it('argocd git files generator: the folder of an app switched off in its config', async () => {
    const run = await resolveAtPrompts('shapes/argocd-appset-files', 'app', {
      name: ['tdarr', 'mealie'],
      group: ['home'],
      image: ['ghcr.io/mealie-recipes/mealie:v2.8.0'],
      port: ['9000'],
    });
    expect(run.told).toEqual([
      'name->name: an app named tdarr already exists (cluster/apps/media/tdarr, switched off): type another name',
    ]);
    expect(run.answers.name).toBe('mealie');
  });

  it('clustertool: an app name of any layer, at the name prompt', async () => {
    const run = await resolveAtPrompts('clustertool', 'app', {
      name: ['it-tools', 'whoami'],
      image: ['ghcr.io/traefik/whoami:v1.10.4'],
      port: ['80'],
      chartVersion: ['4.4.0'],
    });
    expect(run.told).toEqual([
      'name->name: an app named it-tools already exists (layer apps): type another name',
    ]);
    expect(run.answers.name).toBe('whoami');
  });

  it('talos: a node hostname, at the hostname prompt', async () => {
    const run = await resolveAtPrompts('flux-operator', 'node', {
      hostname: ['k8s-2', 'k8s-4'],
      ip: ['10.0.10.14'],
      role: ['worker'],
      disk: ['/dev/sda'],
      mac: ['bc:24:11:7e:4a:14'],
    });
    expect(run.told).toEqual([
      'hostname->hostname: hostname "k8s-2" is already used by nodes[1]: pick a hostname no other node has',
    ]);
    expect(run.answers.hostname).toBe('k8s-4');
  });
});

describe('a chart version the repo has already is taken, not asked', () => {
  it('argocd: the version of a chart an app uses is offered under More options; a new chart asks it', async () => {
    const known = await resolveAtPrompts('argocd', 'app', {
      name: ['dashboard'],
      kind: ['helm'],
      chart: ['homarr'],
      repoURL: ['https://homarr-labs.github.io/charts'],
    });
    expect(known.asked).not.toContain('chartVersion');
    expect(known.offered).toContain('chartVersion 5.8.0');
    expect(known.answers.chartVersion).toBe('5.8.0');
    const fresh = await resolveAtPrompts('argocd', 'app', {
      name: ['dashboard'],
      kind: ['helm'],
      chart: ['podinfo'],
      repoURL: ['https://stefanprodan.github.io/podinfo'],
      chartVersion: ['6.7.0'],
    });
    expect(fresh.asked).toContain('chartVersion');
    expect(fresh.answers.chartVersion).toBe('6.7.0');
  });
});
