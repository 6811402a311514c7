import type { CompiledRole } from '../../learn/role.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import type { FileRole } from '../../repo/graph/app-files.ts';
import { render } from '../../render/templates.ts';
import type { AppView } from './app-view.ts';
import type { AppExample } from './examples.ts';
import type { FolderConventions } from './folder-conventions.ts';
import * as roles from './roles.ts';

/** One document to write: the template that is its default and the role it is learned as. */
export interface PlannedDoc {
  role: FileRole;
  template: string;
  compiled: CompiledRole;
  /** Only siblings of the same chart are examples of a HelmRelease's values. */
  sameChartOnly?: boolean;
}

/** The documents of a new app's folder, each with the template that is its default. */
export function plannedDocs(
  spec: AppSpec,
  conventions: FolderConventions,
  view: AppView,
  examples: readonly AppExample[],
): PlannedDoc[] {
  const docs: PlannedDoc[] = [
    {
      role: 'helmrelease',
      template: render('flux/app/helmrelease.yaml', view),
      compiled: roles.HELM_RELEASE,
      sameChartOnly: true,
    },
  ];
  if (view.chart.ownSource)
    docs.push({
      role: 'chart-source',
      template: render('flux/app/ocirepository.yaml', view),
      compiled: roles.CHART_SOURCE,
    });
  if (view.route && !view.routeInValues && !view.ingressInValues)
    docs.push({
      role: 'route',
      template: render('flux/app/httproute.yaml', view),
      compiled: roles.ROUTE,
    });
  if (view.storage && view.storage.claimFile)
    docs.push({
      role: 'claim',
      template: render('flux/app/pvc.yaml', view),
      compiled: roles.CLAIM,
    });
  if (conventions.namespaceFile)
    docs.push({
      role: 'namespace',
      template: render('flux/namespace/namespace.yaml', {
        resourceName: spec.namespace,
        annotations: [],
        labels: [],
      }),
      compiled: roles.NAMESPACE,
    });
  for (const role of Object.keys(conventions.files)) {
    if (!role.startsWith('other:') || !wanted(role as FileRole, examples, spec.namespace)) continue;
    // a volume is one sibling's share or disk: the new app's claim comes from --storage
    if (role === 'other:PersistentVolume') continue;
    const example = examples.flatMap((e) => e.docs).find((d) => d.role === role)?.object;
    if (!example) continue;
    const template = `---\napiVersion: ${example.apiVersion}\nkind: ${example.kind}\nmetadata:\n  name: ${spec.name}\n`;
    docs.push({ role: role as FileRole, template, compiled: roles.OTHER });
  }
  return docs;
}

/**
 * Whether the new app has a file of another kind (a network policy) too: where most apps of its
 * namespace have one (when it has apps enough to say), else of its group, else of the repo.
 */
function wanted(role: FileRole, examples: readonly AppExample[], ns: string): boolean {
  const namespace = examples.filter((e) => e.local && e.vocab.ns === ns);
  const local = examples.filter((e) => e.local);
  const pool = namespace.length >= 2 ? namespace : local.length >= 2 ? local : examples;
  return pool.filter((e) => e.docs.some((d) => d.role === role)).length * 2 > pool.length;
}
