import { repairAppTemplateProbes } from '../../learn/probe-repair.ts';
import { repairResources } from '../../learn/resources-repair.ts';
import { compileRole, hasKey, isType, type CompiledRole } from '../../learn/role.ts';

/**
 * What the inputs decide in each file of a Flux app, and what the siblings do (everything else).
 * Paths are canonical: slots (`<ctrl>`) stand for keys each repo names its own way.
 */

const V = 'spec.values';
const CTRL = `${V}.controllers.<ctrl>`;
const CTR = `${CTRL}.containers.<ctr>`;

export const ENTRY: CompiledRole = compileRole({
  core: ['apiVersion', 'kind', 'metadata.name', 'spec.path', 'spec.dependsOn'],
  inputValues: [
    'spec.targetNamespace',
    'metadata.namespace',
    'spec.postBuild.substitute.<capacity>',
  ],
  optional: ['metadata.namespace'],
  features: { 'spec.dependsOn': 'dependsOn', 'spec.postBuild.substitute.<capacity>': 'storage' },
  // the substitute map is there as most entries have it; its keys as those alike in storage
  alike: { 'spec.components': ['storage'], 'spec.postBuild.substitute.*': ['storage'] },
  slots: {
    'spec.postBuild.substitute': [
      {
        name: '<capacity>',
        match: (n) => n.kind === 'scalar' && /^\d+(\.\d+)?[KMGTPE]i?$/.test(String(n.value)),
      },
    ],
  },
});

export const HELM_RELEASE: CompiledRole = compileRole({
  core: [
    'apiVersion',
    'kind',
    'metadata.name',
    'spec.chartRef',
    'spec.chart',
    'spec.dependsOn',
    `${CTR}.image.repository`,
    `${CTR}.image.tag`,
    `${CTR}.envFrom`,
    `${V}.service.<svc>.ports.<port>.port`,
    `${V}.route.<route>.hostnames`,
    `${V}.route.<route>.parentRefs`,
    `${V}.ingress.<ing>.className`,
    `${V}.ingress.<ing>.hosts`,
    `${V}.persistence.<claim>.existingClaim`,
    `${V}.persistence.<claim>.size`,
    // a claim the chart makes needs its access mode, whatever the siblings' existing claims say
    `${V}.persistence.<claim>.accessMode`,
    `${V}.persistence.<claim>.storageClass`,
  ],
  optional: ['metadata.namespace', `${V}.persistence.<claim>.globalMounts`],
  softFeatures: ['tcpProbe'],
  inputValues: [
    `${V}.persistence.<claim>.globalMounts.[].path`,
    'metadata.namespace',
    `${CTR}.probes.liveness.spec.httpGet.path`,
    `${CTR}.probes.liveness.spec.httpGet.port`,
    `${CTR}.probes.liveness.spec.tcpSocket.port`,
  ],
  features: {
    'spec.dependsOn': 'dependsOn',
    [`${CTR}.probes.liveness.spec.httpGet`]: 'healthPath',
    [`${CTR}.probes.liveness.spec.tcpSocket`]: 'tcpProbe',
    [`${V}.route`]: 'route',
    // a chart's own ingress is a way in, as a route is: never one an app without --route gets
    [`${V}.ingress`]: 'route',
    [`${V}.persistence.<claim>`]: 'storage',
    [`${CTR}.envFrom`]: 'secret',
  },
  alike: {
    [`${CTRL}.strategy`]: ['storage'],
    // what an external way in carries (an external-dns target) is learned from external siblings
    [`${V}.route.<route>.annotations`]: ['external'],
    [`${V}.ingress.<ing>.annotations`]: ['external'],
  },
  scopedFeatures: ['external'],
  repair: (root, template) =>
    repairResources(repairAppTemplateProbes(['spec', 'values'])(root, template)),
  slots: {
    [`${V}.controllers`]: [{ name: '<ctrl>', key: '⟪app⟫' }],
    [`${CTRL}.containers`]: [{ name: '<ctr>', key: 'app' }],
    [`${V}.service`]: [{ name: '<svc>', key: 'app' }],
    [`${V}.service.<svc>.ports`]: [{ name: '<port>', key: 'http' }],
    [`${V}.route`]: [{ name: '<route>', key: 'app' }],
    [`${V}.ingress`]: [{ name: '<ing>', key: 'app' }],
    [`${V}.persistence`]: [
      { name: '<claim>', match: hasKey('existingClaim', 'size', 'accessMode', 'storageClass') },
      { name: '<tmp>', match: isType('emptyDir') },
    ],
  },
});

export const KUSTOMIZATION: CompiledRole = compileRole({ core: ['resources'] });

export const CHART_SOURCE: CompiledRole = compileRole({
  core: ['apiVersion', 'kind', 'metadata.name', 'spec.ref.tag', 'spec.url'],
  inputValues: ['metadata.namespace'],
  optional: ['metadata.namespace'],
});

/** A Namespace: its name is learned (`_`, renamed by the folder's kustomization, or the real one). */
export const NAMESPACE: CompiledRole = compileRole({ core: ['apiVersion', 'kind'] });

export const NAMESPACE_KUSTOMIZATION: CompiledRole = compileRole({
  core: ['namespace', 'resources'],
});

export const ROUTE: CompiledRole = compileRole({
  core: ['apiVersion', 'kind', 'metadata.name', 'spec.hostnames', 'spec.parentRefs'],
  inputValues: [
    'spec.rules.[].backendRefs.[].name',
    'spec.rules.[].backendRefs.[].port',
    'metadata.namespace',
  ],
  optional: ['metadata.namespace'],
});

export const CLAIM: CompiledRole = compileRole({
  core: [
    'apiVersion',
    'kind',
    'metadata.name',
    'spec.resources.requests.storage',
    'spec.storageClassName',
  ],
  inputValues: ['metadata.namespace'],
  optional: ['metadata.namespace'],
});

export const EXTERNAL_SECRET: CompiledRole = compileRole({
  core: [
    'apiVersion',
    'kind',
    'metadata.name',
    'spec.secretStoreRef',
    'spec.target.name',
    'spec.target.template.data',
    'spec.data',
    'spec.dataFrom',
  ],
  inputValues: ['metadata.namespace'],
  optional: ['metadata.namespace'],
});

/** A file of another kind the siblings keep beside their HelmRelease (a network policy): all learned. */
export const OTHER: CompiledRole = compileRole({
  core: ['apiVersion', 'kind'],
  inputValues: ['metadata.name'],
});
