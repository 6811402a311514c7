import type { RepoContext } from '../engine/generator.ts';
import { HomeopsError } from '../errors.ts';
import { discover } from '../repo/graph/discover.ts';
import { ObjectReader, type RepoObject } from '../repo/graph/objects.ts';
import { isArgoApp } from '../repo/graph/discover.ts';
import { argocdDescriber, argocdDescriberOver } from './argocd-describer.ts';
import { clustertoolDescriber } from './clustertool-describer.ts';
import type { EngineDescriber } from './describer.ts';
import { fluxDescriber } from './flux-describer.ts';
import type { EngineInfo, InfoModel } from './info-model.ts';
import { describeTalos, talosCommands } from './talos-describer.ts';

/**
 * The engines that deploy the repo's apps, as the generators see them: the layout's (pinned or
 * detected); where detection refuses (both engines, an Argo CD shape homeops does not write yet)
 * the engines whose objects the repo has, each described, with the refusal as a note.
 */
function describersOf(repo: RepoContext, notes: string[]): EngineDescriber[] {
  try {
    const layout = repo.layout;
    if (layout.family === 'clustertool') return [clustertoolDescriber];
    if (layout.family === 'flux') return [fluxDescriber];
    return [argocdDescriber];
  } catch (error) {
    if (!(error instanceof HomeopsError) || error.code !== 'LAYOUT') throw error;
    const found = discover(new ObjectReader(repo.tree));
    const out: EngineDescriber[] = [];
    if (found.fluxKustomizations.length > 0) out.push(fluxDescriber);
    if (found.argo.length > 0) out.push(argocdDescriber);
    if (out.length > 0)
      notes.push(`homeops app: ${error.message}${error.fix ? `; ${error.fix}` : ''}`);
    return out;
  }
}

/**
 * Argo CD objects a Flux repo applies: Applications and ApplicationSets live in Argo CD's
 * namespace, so they are looked for in the Flux apps of the `argocd` namespace only.
 */
function argoAppliedByFlux(repo: RepoContext, flux: EngineInfo): RepoObject[] {
  const reader = new ObjectReader(repo.tree);
  return flux.clusters
    .flatMap((c) => c.groups)
    .filter((g) => (g.namespace ?? g.name) === 'argocd')
    .flatMap((g) => repo.tree.yamlFilesUnder(g.dir))
    .flatMap((f) => reader.objectsIf(f, [/argoproj\.io\//]))
    .filter(isArgoApp);
}

/** Everything `homeops info` says about a repo; reads only, writes nothing. */
export function describeRepo(repo: RepoContext): InfoModel {
  const notes: string[] = [];
  const describers = describersOf(repo, notes);
  const engines = describers.map((d) => d.describe(repo));
  const flux = engines.find((e) => e.engine === 'flux');
  const argo =
    flux && !engines.some((e) => e.engine === 'argocd') ? argoAppliedByFlux(repo, flux) : [];
  if (argo.length > 0) {
    const described = argocdDescriberOver(argo);
    describers.push(described);
    engines.push(described.describe(repo));
    notes.push(
      `Flux applies Argo CD objects (${argo.map((o) => `${o.kind} ${o.name ?? ''}`).join(', ')}): homeops app writes Flux apps here; pin "layout:" in .homeops.yaml if new apps belong to Argo CD`,
    );
  }
  const talos = describeTalos(repo);
  if (engines.length === 0 && talos.clusters.length === 0 && talos.elsewhere.length === 0)
    throw new HomeopsError(
      'LAYOUT',
      `${repo.tree.root} is not a home-ops repo homeops knows: no Flux Kustomization, no Argo CD Application or ApplicationSet, no Talos configuration`,
      {
        fix: 'run homeops info at the root of a home-ops repo (or in any folder of it), or pass --dest DIR',
      },
    );
  if (engines.length === 0)
    notes.push(
      'no GitOps objects (Flux Kustomizations, Argo CD Applications) in this repo: homeops app, namespace and secret have nothing to write to here',
    );
  const engine =
    engines.length === 0 ? 'none' : engines.length > 1 ? 'both' : (engines[0]?.engine ?? 'none');
  return {
    root: repo.tree.root,
    engine,
    engines,
    talos,
    commands: [
      ...(engine === 'both' && !repo.config.engine && !repo.config.layout ? [PIN_ENGINE] : []),
      ...describers.flatMap((d, i) => {
        const described = engines[i];
        if (!described) return [];
        const commands = d.commands(described);
        return engine === 'both'
          ? commands.map((c) => ({ ...c, engine: described.engine }))
          : commands;
      }),
      ...talosCommands(talos),
    ],
    notes,
  };
}

/** With both engines and no pin, the generators ask at a terminal, or need it said once. */
const PIN_ENGINE = {
  what: 'say once which engine deploys new apps here (a terminal run asks; scripts need the pin)',
  command: "echo 'engine: flux' >> .homeops.yaml   # or engine: argocd",
};
