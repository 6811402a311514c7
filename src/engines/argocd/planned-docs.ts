import type { CompiledRole } from '../../learn/role.ts';
import { compileRole } from '../../learn/role.ts';
import type { FileRole } from '../../repo/graph/app-files.ts';
import { render } from '../../render/templates.ts';
import * as flux from '../flux/roles.ts';
import type { ArgoView } from './argo-view.ts';
import * as roles from './roles.ts';

/** One document of the new app's folder: its default (the template) and the role it is learned as. */
export interface PlannedDoc {
  role: FileRole | 'values';
  template: string;
  compiled: CompiledRole;
}

/** An HTTPRoute: the backend's port is learned (a Service's port, or the app's). */
const ROUTE: CompiledRole = compileRole({
  core: ['apiVersion', 'kind', 'metadata.name', 'spec.hostnames', 'spec.parentRefs'],
  inputValues: ['spec.rules.[].backendRefs.[].name', 'metadata.namespace'],
  optional: ['metadata.namespace'],
});

/** A Traefik IngressRoute: the entry points and the Host match are the inputs'. */
const INGRESS_ROUTE: CompiledRole = compileRole({
  core: ['apiVersion', 'kind', 'metadata.name', 'spec.entryPoints', 'spec.routes.[].match'],
  inputValues: ['spec.routes.[].services.[].name', 'metadata.namespace'],
  optional: ['metadata.namespace'],
});

/** A Tailscale LoadBalancer Service: its name, the tailnet hostname and the app's port are the inputs'. */
const TAILSCALE_SERVICE: CompiledRole = compileRole({
  core: ['apiVersion', 'kind', 'metadata.name', 'metadata.annotations', 'spec.type'],
  inputValues: ['spec.ports.[].targetPort', 'metadata.namespace'],
  optional: ['metadata.namespace'],
});

/**
 * Another chart's values in the file the kustomization names: none the inputs decide, those
 * the siblings inflating the same chart agree on, else empty (the file must be there to build).
 */
const CHART_VALUES: CompiledRole = compileRole({});

/** The documents of a new app's folder, but its kustomization. */
export function plannedDocs(view: ArgoView): PlannedDoc[] {
  const docs: PlannedDoc[] = [];
  const t = (name: string) => render(`argocd-apps/${name}`, view);
  if (view.chart && view.appTemplate)
    docs.push({ role: 'values', template: t('values.yaml'), compiled: roles.VALUES });
  else if (view.chart?.valuesFile)
    docs.push({ role: 'values', template: '---\n{}\n', compiled: CHART_VALUES });
  if (!view.chart) {
    docs.push({
      role: 'other:Deployment',
      template: t('deployment.yaml'),
      compiled: roles.DEPLOYMENT,
    });
    docs.push({ role: 'other:Service', template: t('service.yaml'), compiled: roles.SERVICE });
  }
  if (view.route && view.tailscale)
    docs.push({
      role: 'other:TailscaleService',
      template: t('tailscale-service.yaml'),
      compiled: TAILSCALE_SERVICE,
    });
  else if (view.route && view.ingressRoute)
    docs.push({
      role: 'other:IngressRoute',
      template: t('ingressroute.yaml'),
      compiled: INGRESS_ROUTE,
    });
  else if (view.route && !view.routeInValues && !view.ingressInValues)
    docs.push({ role: 'route', template: t('httproute.yaml'), compiled: ROUTE });
  if (view.storage && !view.storage.inValues && !view.storage.fromComponent)
    docs.push({ role: 'claim', template: t('pvc.yaml'), compiled: flux.CLAIM });
  if (view.namespaceFile)
    docs.push({ role: 'namespace', template: t('namespace.yaml'), compiled: flux.NAMESPACE });
  return docs;
}
