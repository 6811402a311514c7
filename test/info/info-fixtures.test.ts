import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { InfoModel, TalosNodeInfo } from '../../src/info/info-model.ts';
import { ROOT } from '../support/temp-repo.ts';
import { info } from './info-support.ts';

// homeops info on the seed and Talos fixtures: the facts a reader sees in their files.

const fixture = (name: string) => join(ROOT, 'test/fixtures', name);
const read = (name: string, file: string): string =>
  readFileSync(join(fixture(name), file), 'utf8');

/** The nodes of a talconfig.yaml, as its own lines say. */
function talconfigNodes(name: string, file: string): TalosNodeInfo[] {
  const doc = parse(read(name, file)) as {
    nodes: { hostname: string; ipAddress: string; controlPlane: boolean }[];
  };
  return doc.nodes.map((n) => ({
    hostname: n.hostname,
    ip: n.ipAddress,
    role: n.controlPlane ? 'controlplane' : 'worker',
  }));
}

const nodesOf = (m: InfoModel, cluster?: string) =>
  (cluster ? m.talos.clusters.find((c) => c.name === cluster) : m.talos.clusters[0])?.nodes ?? [];

const groupApps = (m: InfoModel, group: string) =>
  m.engines[0]?.clusters[0]?.groups.find((g) => g.name === group)?.apps;

describe('homeops info on the seed fixtures', () => {
  it('flux (cluster-template): namespaces, apps, the Connect store, the talhelper nodes', async () => {
    const { model, text } = await info(fixture('flux'));
    const e = model.engines[0];
    expect(model.engine).toBe('flux');
    expect(e?.layout).toBe('flux');
    expect(e?.namespaces).toEqual([
      'cert-manager',
      'default',
      'flux-system',
      'kube-system',
      'network',
      'security',
    ]);
    expect(groupApps(model, 'default')).toEqual(['echo', 'homepage']);
    expect(e?.apps?.entryFile).toBe('<app>/ks.yaml');
    expect(e?.apps?.registration).toMatchObject({
      how: 'list',
      line: './<app>/ks.yaml',
      order: 'sorted',
    });
    expect(e?.secrets.stores).toEqual([
      {
        name: 'onepassword-store',
        provider: 'connect',
        vaults: ['kubernetes'],
        file: 'kubernetes/apps/security/onepassword-connect/app/clustersecretstore.yaml',
      },
    ]);
    expect(e?.gateways.internal?.name).toBe('envoy-internal');
    expect(e?.gateways.external?.name).toBe('envoy-external');
    expect(model.talos.clusters[0]).toMatchObject({
      tool: 'talhelper',
      where: 'talos/talconfig.yaml',
      talosVersion: 'v1.11.3',
    });
    expect(nodesOf(model)).toEqual(talconfigNodes('flux', 'talos/talconfig.yaml'));
    for (const word of [
      'envoy-internal',
      'onepassword-store',
      'k8s-0',
      '192.168.1.11',
      'homeops app --name=<app> --namespace=default',
    ])
      expect(text).toContain(word);
  });

  it('flux-operator (home-operations): the SDK store, the volsync backup component, the nodes', async () => {
    const { model } = await info(fixture('flux-operator'));
    const e = model.engines[0];
    expect(e?.layout).toBe('flux-operator');
    // data/dragonfly/ks.yaml holds two Kustomizations: both are apps
    expect(groupApps(model, 'data')).toEqual(['dragonfly', 'dragonfly-cluster']);
    expect(e?.secrets.stores.map((s) => [s.name, s.provider, s.vaults])).toEqual([
      ['onepassword', 'sdk', ['kubernetes']],
    ]);
    expect(e?.storage.backupComponent?.components.join()).toMatch(/components\/volsync$/);
    expect(e?.hostname).toBe('<app>.${SECRET_DOMAIN}');
    expect(nodesOf(model)).toEqual(talconfigNodes('flux-operator', 'talos/talconfig.yaml'));
  });

  it('clustertool: layers and their apps, the HelmRepositories, SOPS clusterenv, the nodes', async () => {
    const { model, text } = await info(fixture('clustertool'));
    const e = model.engines[0];
    expect(e?.layout).toBe('clustertool');
    expect(e?.clusters[0]?.groups.map((g) => g.name).sort()).toEqual([
      'apps',
      'core',
      'networking',
      'system',
    ]);
    expect(groupApps(model, 'apps')).toEqual(['it-tools', 'plex', 'sonarr']);
    expect(e?.chartSources.map((s) => s.name)).toEqual([
      'bjw-s',
      'ingress-nginx',
      'jetstack',
      'metallb',
      'truecharts',
    ]);
    expect(e?.chartSources.find((s) => s.name === 'truecharts')?.url).toBe(
      'oci://tccr.io/truecharts',
    );
    expect(e?.secrets.other).toContain('clusters/main/clusterenv.yaml');
    expect(nodesOf(model).map((n) => n.hostname)).toEqual(['k8s-control-1', 'k8s-worker-1']);
    expect(text).toContain('--layer=apps');
    // clusterenv.yaml's encrypted values are never printed, only counted by name
    expect(text).toContain('23 variables');
    expect(`${text}${JSON.stringify(model)}`).not.toContain('ENC[');
  });

  it('argocd (app of apps): the Applications, their namespaces, the Gateway, the SECRETS table', async () => {
    const { model } = await info(fixture('argocd'));
    const e = model.engines[0];
    expect(model.engine).toBe('argocd');
    expect(e?.layout).toBe('argocd');
    expect(e?.clusters[0]?.roots).toEqual([
      {
        kind: 'Application',
        name: 'homelab-apps',
        file: 'kubernetes/argocd/app-of-apps.yaml',
        paths: ['kubernetes/argocd/apps'],
      },
    ]);
    expect(groupApps(model, 'apps')?.sort()).toEqual([
      'cloudflared',
      'gateway-config',
      'homarr',
      'metallb',
      'metallb-config',
      'traefik',
      'whoami',
    ]);
    expect(e?.namespaces).toContain('whoami');
    expect(e?.gateways.internal?.name).toBe('lab-gateway');
    expect(e?.secrets.other).toContain('vault Personal');
    expect(model.talos.clusters).toEqual([]);
  });

  it('argocd-mise: tiers, the OnePasswordItem vault, the talosctl + mise nodes', async () => {
    const { model } = await info(fixture('argocd-mise'));
    const e = model.engines[0];
    expect(e?.layout).toBe('argocd-mise');
    expect(groupApps(model, 'services')?.sort()).toEqual([
      'mealie',
      'onepassword-connect',
      'open-webui',
    ]);
    expect(e?.secrets.other).toContain('OnePasswordItem');
    expect(e?.secrets.onePasswordItems).toEqual({ vault: expect.any(String) });
    expect(model.talos.clusters[0]?.tool).toBe('talosctl-mise');
    expect(
      nodesOf(model)
        .map((n) => n.hostname)
        .sort(),
    ).toEqual(['skuld', 'urd', 'verdandi']);
  });
});

describe('homeops info on the Talos fixtures', () => {
  it('talhelper, one talconfig.yaml per cluster', async () => {
    const { model } = await info(fixture('talos-talhelper-clusters'));
    expect(model.engine).toBe('none');
    expect(model.talos.clusters.map((c) => c.name)).toEqual(['lab', 'prod']);
    for (const c of ['lab', 'prod'])
      expect(nodesOf(model, c)).toEqual(
        talconfigNodes('talos-talhelper-clusters', `talos/${c}/talconfig.yaml`),
      );
    expect(model.commands.find((c) => c.command.startsWith('homeops node'))?.command).toContain(
      '--cluster=lab',
    );
  });

  it('talhelper under setup/talos', async () => {
    const { model } = await info(fixture('talos-talhelper-setup'));
    expect(model.talos.clusters[0]?.where).toBe('setup/talos/talconfig.yaml');
    expect(nodesOf(model)).toEqual(
      talconfigNodes('talos-talhelper-setup', 'setup/talos/talconfig.yaml'),
    );
  });

  it('topf: the nodes of topf.yaml and where patches go', async () => {
    const { model } = await info(fixture('talos-topf'));
    const topf = parse(read('talos-topf', 'talos/topf.yaml')) as {
      nodes: { host: string; ip: string; role: string }[];
    };
    expect(model.talos.clusters[0]?.tool).toBe('topf');
    expect(nodesOf(model).map((n) => [n.hostname, n.ip, n.role])).toEqual(
      topf.nodes.map((n) => [n.host, n.ip, n.role === 'control-plane' ? 'controlplane' : 'worker']),
    );
    expect(model.talos.clusters[0]?.patches).toContain('talos/all/');
  });

  it('per-node templates, one cluster and two', async () => {
    const one = await info(fixture('talos-templates'));
    expect(nodesOf(one.model).map((n) => [n.hostname, n.role])).toEqual([
      ['k8s-0', 'controlplane'],
      ['k8s-1', 'controlplane'],
      ['k8s-2', 'controlplane'],
      ['k8s-3', 'worker'],
    ]);
    const two = await info(fixture('talos-templates-clusters'));
    expect(two.model.talos.clusters.map((c) => c.name)).toEqual(['edge', 'main']);
    expect(nodesOf(two.model, 'main').map((n) => n.ip)).toEqual([
      '192.168.10.10',
      '192.168.10.11',
      '192.168.10.12',
      '192.168.10.20',
    ]);
  });

  it('Omni and OpenTofu: where the machines are, and that homeops does not edit them', async () => {
    const omni = await info(fixture('talos-omni'));
    expect(omni.model.talos.elsewhere).toEqual([
      { what: 'Omni cluster templates', where: 'omni/cluster-template.yaml' },
    ]);
    expect(omni.text).toContain('homeops does not edit');
    const tofu = await info(fixture('talos-tofu'));
    expect(tofu.model.talos.elsewhere[0]?.where).toBe('tofu/talos');
    expect(tofu.model.commands).toEqual([]);
  });
});

describe('homeops info names the ways in each Argo CD shape has', () => {
  it.each([
    [
      'shapes/argocd-appset-categories',
      'entry-points',
      'websecure',
      'public',
      'Traefik entry points: internal websecure; external public',
    ],
    [
      'shapes/argocd-appset-files',
      'ingress-class',
      'internal',
      'external',
      'ingress classes: internal internal; external external',
    ],
    [
      'shapes/argocd-appset-dirs',
      'gateway',
      'internal',
      'external',
      'internal internal in gateway',
    ],
  ])('%s: %s', async (name, kind, internal, external, line) => {
    const { model, text } = await info(fixture(name));
    const e = model.engines.find((x) => x.engine === 'argocd');
    expect(e?.gateways.kind).toBe(kind);
    expect(e?.gateways.internal?.name).toBe(internal);
    expect(e?.gateways.external?.name).toBe(external);
    expect(text).toContain(`Gateways   ${line}`);
  });
});
