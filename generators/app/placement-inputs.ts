import type { FluxAppContext, Placement } from '../../src/engines/flux/flux-app-context.ts';
import * as check from '../../src/inputs/checks.ts';
import { applies, type Answers, type InputSpec } from '../../src/inputs/input-spec.ts';
import { appNameTakenIn } from './name-taken.ts';

/** Where the answers so far place the app: its cluster, its group (namespace folder or layer). */
export function placementOf(ctx: FluxAppContext, a: Answers): Placement {
  const cluster = ctx.cluster(firstCluster(a));
  return ctx.place(
    cluster,
    String(a.namespace ?? ''),
    typeof a.group === 'string' ? a.group : undefined,
    typeof a.name === 'string' ? a.name : undefined,
  );
}

export const firstCluster = (a: Answers): string | undefined =>
  Array.isArray(a.cluster) ? (a.cluster[0] as string | undefined) : undefined;

/** Where the app goes, in prompt order: its name, cluster(s), namespace and group. */
export const placementInputs: InputSpec<FluxAppContext>[] = [
  {
    name: 'name',
    message: 'App name',
    help: 'name: the app (DNS-1123 label), e.g. echo',
    type: 'string',
    required: true,
    validate: (v: string) => check.appName(v),
  },
  {
    name: 'cluster',
    message: 'Cluster',
    help: 'cluster: the cluster(s) the app goes to, comma-separated (a cluster with its own tree gets its own copy); default the only one',
    type: 'list',
    when: applies(
      'in a repo with several clusters',
      (_a: Answers, ctx: FluxAppContext) => ctx.clusterNames().length > 1,
    ),
    required: true,
    choices: (ctx) => ctx.clusterNames().map((c) => ({ name: c, value: c })),
  },
  {
    name: 'namespace',
    message: 'Namespace',
    help: 'namespace: an existing namespace, or a new one with --createNamespace',
    type: 'choice',
    open: true,
    required: true,
    choices: (ctx, a) =>
      ctx.namespaces(ctx.cluster(firstCluster(a))).map((ns) => ({ name: ns, value: ns })),
    default: (ctx, a) =>
      ctx.namespaces(ctx.cluster(firstCluster(a))).includes('default') ? 'default' : undefined,
    validate: (v: string) => check.dnsLabel(v, 'namespace name'),
    taken: (v: string, a, ctx) => appNameTakenIn(ctx, a, v),
  },
  {
    name: 'createNamespace',
    message: 'That namespace does not exist yet. Create it?',
    help: 'createNamespace: true to create the namespace when it does not exist',
    type: 'boolean',
    askWhen: (a, ctx) => needsNamespace(ctx, a),
    default: () => false,
    validate: (v: boolean, a, ctx) => {
      if (v || !needsNamespace(ctx, a)) return undefined;
      const known = ctx.namespaces(ctx.cluster(firstCluster(a)));
      return {
        field: 'namespace',
        message: `namespace "${String(a.namespace)}" does not exist`,
        prompt: 'not created: choose a namespace that exists, or type another',
        fix: `pass --createNamespace=true to create it${known.length ? `, or use one of: ${known.join(', ')}` : ''}`,
      };
    },
  },
  {
    name: 'group',
    message: 'Group (the folder the app goes in)',
    help: 'group: the folder between the root and the app (a ClusterTool layer); asked where the repo has several',
    type: 'choice',
    when: applies(
      'in a repo whose folders are layers, not namespaces',
      (a: Answers, ctx: FluxAppContext) => {
        const cluster = ctx.cluster(firstCluster(a));
        // the namespace's own folder takes the app, whatever the other folders are
        if (typeof a.namespace === 'string' && ctx.hasNamespace(cluster, a.namespace)) return false;
        return !ctx.groupsAreNamespaces(cluster);
      },
    ),
    required: true,
    choices: (ctx, a) =>
      ctx.groupNames(ctx.cluster(firstCluster(a))).map((g) => ({ name: g, value: g })),
    default: (ctx, a) => {
      const names = ctx.groupNames(ctx.cluster(firstCluster(a)));
      return names.length === 1 ? names[0] : names.includes('apps') ? 'apps' : undefined;
    },
  },
];

function needsNamespace(ctx: FluxAppContext, a: Answers): boolean {
  const cluster = ctx.cluster(firstCluster(a));
  // an existing namespace folder needs nothing, whatever the other groups are
  return !ctx.hasNamespace(cluster, String(a.namespace)) && ctx.groupsAreNamespaces(cluster);
}
