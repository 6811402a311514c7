import { repairAppTemplateProbes } from '../../learn/probe-repair.ts';
import { repairPodTemplate } from '../../learn/pod-repair.ts';
import { repairResources } from '../../learn/resources-repair.ts';
import { compileRole, hasKey, isType, type CompiledRole } from '../../learn/role.ts';

/**
 * What the inputs decide in the files of an Argo CD app folder, and what the siblings do
 * (everything else). The route, claim, namespace and ExternalSecret files are the Flux engine's
 * roles (src/engines/flux/roles.ts): the same kinds, learned the same way.
 */

const CTRL = 'controllers.<ctrl>';
const CTR = `${CTRL}.containers.<ctr>`;

/** app-template values, in a values file or a kustomization's `valuesInline`. */
export const VALUES: CompiledRole = compileRole({
  core: [
    `${CTR}.image.repository`,
    `${CTR}.image.tag`,
    `${CTR}.envFrom`,
    'route.<route>.hostnames',
    'route.<route>.parentRefs',
    'ingress.<ing>.className',
    'ingress.<ing>.hosts',
    'persistence.<claim>.existingClaim',
    'persistence.<claim>.size',
    // a claim the chart makes needs its access mode, whatever the siblings' existing claims say
    'persistence.<claim>.accessMode',
    'persistence.<claim>.storageClass',
  ],
  // a Service port the siblings write otherwise (80, the container's behind targetPort) is theirs
  optional: ['persistence.<claim>.globalMounts', `${CTRL}.strategy`],
  softFeatures: ['tcpProbe'],
  inputValues: [
    'persistence.<claim>.globalMounts.[].path',
    `${CTR}.probes.liveness.spec.httpGet.path`,
    `${CTR}.probes.liveness.spec.httpGet.port`,
    `${CTR}.probes.liveness.spec.tcpSocket.port`,
    `${CTR}.probes.readiness.spec.httpGet.path`,
    `${CTR}.probes.readiness.spec.httpGet.port`,
    `${CTR}.probes.readiness.spec.tcpSocket.port`,
  ],
  features: {
    [`${CTR}.probes.liveness.spec.httpGet`]: 'healthPath',
    [`${CTR}.probes.liveness.spec.tcpSocket`]: 'tcpProbe',
    route: 'route',
    ingress: 'route',
    'persistence.<claim>': 'storage',
    [`${CTR}.envFrom`]: 'secret',
  },
  alike: { [`${CTRL}.strategy`]: ['storage'] },
  repair: (root, template) => repairResources(repairAppTemplateProbes([])(root, template)),
  slots: {
    controllers: [{ name: '<ctrl>', key: '⟪app⟫' }],
    [`${CTRL}.containers`]: [{ name: '<ctr>', key: 'app' }],
    service: [{ name: '<svc>', key: 'app' }],
    'service.<svc>.ports': [{ name: '<port>', key: 'http' }],
    route: [{ name: '<route>', key: 'app' }],
    ingress: [{ name: '<ing>', key: 'app' }],
    persistence: [
      { name: '<claim>', match: hasKey('existingClaim', 'size', 'accessMode', 'storageClass') },
      { name: '<tmp>', match: isType('emptyDir') },
    ],
  },
});

/** The app folder's kustomization.yaml: its resources, and the chart it inflates. */
export const KUSTOMIZATION: CompiledRole = compileRole({
  core: [
    'resources',
    'helmCharts.[].name',
    'helmCharts.[].repo',
    'helmCharts.[].version',
    'helmCharts.[].releaseName',
    'helmCharts.[].valuesFile',
    'helmCharts.[].valuesInline',
  ],
  inputValues: ['namespace', 'helmCharts.[].namespace'],
  features: { helmCharts: 'chart' },
  // a backup component and the values it reads (volsync-config: CLAIM_NAME, STORAGE_SIZE) go with storage
  alike: { components: ['storage'], configMapGenerator: ['storage'] },
});

/** A Deployment of plain manifests: the container's image, port and probes are the inputs'. */
export const DEPLOYMENT: CompiledRole = compileRole({
  core: [
    'apiVersion',
    'kind',
    'metadata.name',
    'spec.template.spec.containers.[].image',
    'spec.template.spec.containers.[].envFrom',
  ],
  inputValues: [
    'metadata.namespace',
    'spec.template.spec.containers.[].ports.[].containerPort',
    'spec.template.spec.containers.[].readinessProbe.httpGet.path',
    'spec.template.spec.containers.[].livenessProbe.httpGet.path',
    'spec.template.spec.volumes.[].persistentVolumeClaim.claimName',
    'spec.template.spec.containers.[].volumeMounts.[].mountPath',
  ],
  optional: ['metadata.namespace', 'spec.strategy'],
  features: {
    'spec.template.spec.containers.[].envFrom': 'secret',
  },
  alike: {
    'spec.strategy': ['storage'],
    'spec.template.spec.volumes': ['storage'],
    'spec.template.spec.containers.[].volumeMounts': ['storage'],
  },
  repair: (root) => repairResources(repairPodTemplate(root)),
});

export const SERVICE: CompiledRole = compileRole({
  core: ['apiVersion', 'kind', 'metadata.name'],
  inputValues: ['metadata.namespace'],
  optional: ['metadata.namespace'],
});

/** A 1Password operator item: the Secret's name and the item's path are the inputs'. */
export const ONEPASSWORD_ITEM: CompiledRole = compileRole({
  core: ['apiVersion', 'kind', 'metadata.name', 'spec.itemPath'],
  inputValues: ['metadata.namespace'],
  optional: ['metadata.namespace'],
});
