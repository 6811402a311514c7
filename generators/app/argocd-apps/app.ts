import { ArgoAppContext } from '../../../src/engines/argocd/argo-app-context.ts';
import { planArgoApp } from '../../../src/engines/argocd/plan-app.ts';
import { planAppOfApps } from '../../../src/engines/argocd/plan-app-of-apps.ts';
import type { Generator } from '../../../src/engine/generator.ts';
import { appSpecOf } from '../app-spec.ts';
import { argoAppInputs } from './inputs.ts';

/** `homeops app` in an Argo CD repo read from its Applications and ApplicationSets. */
export const argoAppGenerator: Generator<ArgoAppContext> = {
  name: 'app',
  description:
    'a new service: a folder an ApplicationSet picks up, or an Application a root reads, written like its siblings (chart values or manifests, route, storage, secret)',
  inputs: argoAppInputs,
  context: (repo) => new ArgoAppContext(repo),
  plan: (ctx, answers) => {
    const spec = appSpecOf({ chart: ctx.defaultChart(undefined), ...answers });
    return ctx.mode === 'app-of-apps' ? planAppOfApps(ctx, spec) : planArgoApp(ctx, spec);
  },
  writes: ['gateway.networking.k8s.io/v1/HTTPRoute', 'external-secrets.io/v1/ExternalSecret'],
};
