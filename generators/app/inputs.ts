import type { FluxCluster } from '../../src/repo/flux-model.ts';
import { lookUpDependency } from '../../src/engines/flux/dependencies.ts';
import type { FluxAppContext } from '../../src/engines/flux/flux-app-context.ts';
import * as check from '../../src/inputs/checks.ts';
import {
  hasRoute,
  healthPathInput,
  imageInput,
  mountPathInput,
  portInput,
  routeInput,
  storageClassInput,
  storageInput,
} from '../../src/inputs/common-inputs.ts';
import { applies, type Answers, type InputSpec } from '../../src/inputs/input-spec.ts';
import { fillText } from '../../src/learn/vocabulary.ts';
import { secretInputs } from '../secret/secret-inputs.ts';
import { noOnePasswordStore } from '../../src/secrets/secret-stores.ts';
import { chartInput, chartVersionInput, hasStorage, isAppTemplate } from './chart-inputs.ts';
import { hostnamePattern, wayIn } from '../../src/engines/flux/ways-in.ts';
import { firstCluster, placementInputs, placementOf } from './placement-inputs.ts';
import * as storage from '../../src/engines/flux/app-storage.ts';

/** The `app` inputs of a Flux repo, in prompt order. Their names are the flags. */
export const appInputs: InputSpec<FluxAppContext>[] = [
  ...placementInputs,
  chartInput,
  imageInput<FluxAppContext>(isAppTemplate),
  routeInput<FluxAppContext>((v: string, a, ctx) => {
    if (v === 'none' || typeof a.namespace !== 'string') return undefined;
    const found = wayIn(
      ctx,
      placementOf(ctx, a),
      v as 'internal' | 'external',
      isAppTemplate(a, ctx),
    );
    return 'problem' in found ? found.problem : undefined;
  }),
  {
    name: 'hostname',
    message: 'Hostname',
    help: 'hostname: default the form the repo\'s routes use, e.g. echo.${SECRET_DOMAIN} or "{{ .Release.Name }}.example.com"',
    type: 'string',
    when: hasRoute,
    // a repo whose routes name no host homeops can follow gives no default: it is asked for
    required: true,
    default: (ctx, a) => {
      const pattern = hostnamePattern(ctx, placementOf(ctx, a));
      if (pattern === undefined) return undefined;
      // Helm's `{{ .Release.Name }}` is read in app-template's values only, not in a route file
      // or another chart's values
      const own = isAppTemplate(a, ctx) ? pattern : pattern.replaceAll('⟪release⟫', '⟪app⟫');
      return fillText(own, { app: String(a.name) });
    },
    validate: (v: string) => check.hostname(v),
  },
  // after the route: a chart's port is asked only where a route leads to it
  portInput<FluxAppContext>((a, ctx) => isAppTemplate(a, ctx) || hasRoute(a)),
  healthPathInput<FluxAppContext>(isAppTemplate),
  storageInput<FluxAppContext>(isAppTemplate),
  storageClassInput<FluxAppContext>(
    hasStorage,
    (ctx, a) => storage.storageClass(ctx, placementOf(ctx, a)),
    undefined,
    true,
  ),
  mountPathInput<FluxAppContext>(hasStorage, '/config', (ctx, a) =>
    storage.mountPath(ctx, placementOf(ctx, a)),
  ),
  {
    name: 'dependsOn',
    message: 'Depends on (existing apps)',
    help: 'dependsOn: comma list of existing apps (or Flux Kustomizations), as app or namespace/app',
    type: 'list',
    open: true,
    choices: (ctx, a) => {
      const cluster = ctx.cluster(firstCluster(a));
      return ctx.model
        .groups(cluster)
        .flatMap((g) => ctx.model.apps(g))
        .map((app) => `${app.namespace ?? app.ks.namespace}/${app.ks.name}`)
        .map((v) => ({ name: v, value: v }));
    },
    default: () => [],
    validate: (v: string[], a, ctx) => {
      for (const dep of v) {
        const found = lookUpDependency(ctx, ctx.cluster(firstCluster(a)), dep);
        if ('problem' in found) return found.problem;
      }
      return undefined;
    },
  },
  {
    name: 'secret',
    message: 'Secrets from 1Password?',
    help: 'secret: true to add an ExternalSecret picked from 1Password (then --store, --vault, --item, --fields, --keys, --source)',
    type: 'boolean',
    when: isAppTemplate,
    // no question where a chosen cluster has no store to read 1Password through
    askWhen: (a, ctx) => withoutStore(ctx, a) === undefined,
    default: () => false,
    validate: (v: boolean, a, ctx) => {
      const cluster = v ? withoutStore(ctx, a) : undefined;
      if (!cluster) return undefined;
      const none = noOnePasswordStore(ctx.storesScope(cluster), ctx.secrets.otherStores());
      return { message: none.message, fix: `${none.fix ?? ''}; or leave --secret out` };
    },
  },
  ...secretInputs<FluxAppContext>(applies('with --secret=true', (a: Answers) => a.secret === true)),
  chartVersionInput,
];

/** The first of the chosen clusters (each gets the app) with no 1Password store, if one has none. */
function withoutStore(ctx: FluxAppContext, a: Answers): FluxCluster | undefined {
  const names = Array.isArray(a.cluster) ? (a.cluster as string[]) : [undefined];
  return names.map((n) => ctx.cluster(n)).find((c) => ctx.storesOf(c).length === 0);
}
