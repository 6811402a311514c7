/**
 * `--cluster`: which cluster a node or patch is for, in repos with several (`talos/<cluster>/`,
 * `clusters/<cluster>/talos/`...). Asked only when there are several; the only one otherwise. The
 * same flag name as the app generator's in one-tree-per-cluster repos.
 */
import type { InputSpec } from '../inputs/input-spec.ts';
import type { TalosContext } from './talos-context.ts';

export const clusterInput: InputSpec<TalosContext> = {
  name: 'cluster',
  message: 'Cluster',
  help: 'cluster: the cluster, in repos with several (default: the only one)',
  type: 'choice',
  required: true,
  choices: (ctx) => ctx.clusters().map((c) => ({ name: c, value: c })),
  default: (ctx) => (ctx.clusters().length === 1 ? ctx.clusters()[0] : undefined),
  askWhen: (_answers, ctx) => ctx.clusters().length > 1,
};
