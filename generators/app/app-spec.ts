import { APP_TEMPLATE_URL } from '../../src/flux/app-template.ts';
import { parseImage } from '../../src/inputs/checks.ts';
import type { Answers } from '../../src/inputs/input-spec.ts';
import { flag, list, requiredText, text, whole } from '../../src/inputs/read-answers.ts';
import type { AppSpec, ChartRef, RouteKind } from '../../src/model/app-spec.ts';

/** The app the answers ask for, normalised once: every layout renders this. */
export function appSpecOf(a: Answers): AppSpec {
  const chart = text(a, 'chart') ?? APP_TEMPLATE_URL;
  const image = text(a, 'image');
  const parsed = image === undefined ? undefined : parseImage(image);
  const storage = text(a, 'storage');
  const route = (text(a, 'route') ?? 'none') as RouteKind;
  return {
    name: requiredText(a, 'name'),
    namespace: requiredText(a, 'namespace'),
    createNamespace: flag(a, 'createNamespace'),
    clusters: [...new Set(list(a, 'cluster'))], // a cluster named twice is one cluster
    group: text(a, 'group'),
    chart: chartRef(chart),
    chartVersion: text(a, 'chartVersion'),
    image: parsed && 'repository' in parsed ? parsed : undefined,
    port: whole(a, 'port'),
    healthPath: text(a, 'healthPath'),
    route: { kind: route, hostname: route === 'none' ? undefined : text(a, 'hostname') },
    storage:
      storage === undefined || storage === 'none'
        ? undefined
        : {
            size: storage,
            storageClass: text(a, 'storageClass'),
            mountPath: text(a, 'mountPath') ?? '/config',
          },
    dependsOn: list(a, 'dependsOn'),
    secret: flag(a, 'secret')
      ? {
          store: text(a, 'store'),
          vault: text(a, 'vault'),
          item: requiredText(a, 'item'),
          fields: list(a, 'fields'),
          keys: list(a, 'keys'),
          source: text(a, 'source'),
        }
      : undefined,
  };
}

export function chartRef(value: string): ChartRef {
  if (value === 'none') return { kind: 'none' };
  if (value.startsWith('oci://')) return { kind: 'oci', url: value };
  const slash = value.indexOf('/');
  if (slash > 0 && !value.includes('://'))
    return { kind: 'helm', repository: value.slice(0, slash), chart: value.slice(slash + 1) };
  return { kind: 'source', name: value };
}
