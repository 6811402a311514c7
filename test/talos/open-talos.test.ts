import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HomeopsError } from '../../src/errors.ts';
import { readConfig } from '../../src/repo/config.ts';
import { openTalos } from '../../src/talos/open-talos.ts';
import { RepoTree } from '../../src/tree/repo-tree.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const tree = (fixture: string) => new RepoTree(join(FIXTURES, fixture));
const found = (fixture: string) =>
  openTalos(tree(fixture), undefined).map((b) => ({
    tool: b.tool,
    where: b.where,
    cluster: b.cluster,
  }));

/** A copy of a fixture with extra files, for detection cases the fixtures do not have. */
function withFiles(fixture: string, files: Record<string, string>): RepoTree {
  const dir = mkdtempSync(join(tmpdir(), 'homeops-open-talos-'));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    if (text === '') rmSync(join(dir, path), { recursive: true, force: true });
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
  return new RepoTree(dir);
}

function refusal(run: () => unknown): HomeopsError {
  try {
    run();
  } catch (error) {
    if (error instanceof HomeopsError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('openTalos: where each repo keeps its Talos nodes, found by file names and content', () => {
  it.each([
    ['flux', [{ tool: 'talhelper', where: 'talos/talconfig.yaml', cluster: 'kubernetes' }]],
    [
      'clustertool',
      [{ tool: 'talhelper', where: 'clusters/main/talos/talconfig.yaml', cluster: 'main' }],
    ],
    ['argocd-mise', [{ tool: 'talosctl-mise', where: 'src/talos/patches', cluster: 'main' }]],
    ['talos-topf', [{ tool: 'topf', where: 'talos/topf.yaml', cluster: 'kubernetes' }]],
    ['talos-templates', [{ tool: 'templates', where: 'talos', cluster: 'main' }]],
    [
      'talos-talhelper-setup',
      [{ tool: 'talhelper', where: 'setup/talos/talconfig.yaml', cluster: 'lab' }],
    ],
    [
      'talos-templates-clusters',
      [
        { tool: 'templates', where: 'talos/edge', cluster: 'edge' },
        { tool: 'templates', where: 'talos/main', cluster: 'main' },
      ],
    ],
    [
      'talos-talhelper-clusters',
      [
        { tool: 'talhelper', where: 'talos/lab/talconfig.yaml', cluster: 'lab' },
        { tool: 'talhelper', where: 'talos/prod/talconfig.yaml', cluster: 'prod' },
      ],
    ],
  ])('%s', (fixture, expected) => {
    expect(found(fixture)).toEqual(expected);
  });

  it('says where the nodes are when homeops does not edit them: Omni templates, OpenTofu', () => {
    const omni = refusal(() => openTalos(tree('talos-omni'), undefined));
    expect(omni.code).toBe('LAYOUT');
    expect(omni.message).toBe(
      'this repo keeps its Talos machines in Omni cluster templates (omni/cluster-template.yaml): homeops does not edit those',
    );
    expect(omni.fix).toMatch(
      /^add the machine to the cluster template in omni\/cluster-template\.yaml by hand and sync it \(omnictl cluster template sync/,
    );
    const tofu = refusal(() => openTalos(tree('talos-tofu'), undefined));
    expect(tofu.message).toBe(
      'this repo keeps its Talos machines in OpenTofu/Terraform (the siderolabs/talos provider) (tofu/talos): homeops does not edit those',
    );
    expect(tofu.fix).toMatch(
      /^add the node where tofu\/talos declares the others and run tofu\/terraform apply/,
    );
  });

  it('names an OpenTofu/Terraform root once, not again for each module folder under it', () => {
    const tofu = refusal(() =>
      openTalos(
        withFiles('talos-tofu', {
          'tofu/talos/modules/node/main.tf':
            'resource "talos_machine_configuration_apply" "this" {\n  node = var.ip\n}\n',
        }),
        undefined,
      ),
    );
    expect(tofu.message).toBe(
      'this repo keeps its Talos machines in OpenTofu/Terraform (the siderolabs/talos provider) (tofu/talos): homeops does not edit those',
    );
  });

  it('names the folder of plain talosctl configs (envsubst, gen config output) it does not add nodes to, never "no Talos configuration"', () => {
    const plain = refusal(() =>
      openTalos(
        withFiles('argocd', {
          'infra/talos/controlplane.yaml':
            '---\nmachine:\n  type: controlplane\n  install:\n    disk: ${INSTALL_DISK}\ncluster:\n  controlPlane:\n    endpoint: https://${VIP}:6443\n',
          'infra/talos/patches/k8s-0.yaml':
            '---\napiVersion: v1alpha1\nkind: HostnameConfig\nauto: off\nhostname: k8s-0\n',
          'infra/talos/Taskfile.yaml':
            'version: "3"\ntasks:\n  apply:\n    cmds:\n      - envsubst < controlplane.yaml | talosctl apply-config -f /dev/stdin\n',
        }),
        undefined,
      ),
    );
    expect(plain.code).toBe('LAYOUT');
    expect(plain.message).toBe(
      'this repo keeps its Talos machines in plain talosctl machine configs and patches (infra/talos): homeops does not edit those',
    );
    expect(plain.fix).toMatch(
      /^add the node's config to infra\/talos by hand, as the other nodes have theirs \(or, if they are talhelper, topf or per-node template files under other names, pin them in \.homeops\.yaml/,
    );
    expect(plain.message).not.toContain('no Talos configuration');
  });

  it('names the list of nodes machine templates are rendered from, and says to add the node there', () => {
    const listed = refusal(() =>
      openTalos(
        withFiles('argocd', {
          'talos/machine/controlplane.yaml.j2':
            '---\nmachine:\n  type: controlplane\n  network:\n    hostname: {{ node.name }}\n',
          'talos/nodes.yaml':
            '---\nnodes:\n  k8s-0:\n    ip: 192.168.1.11\n    mac: "bc:24:11:00:00:01"\n    controller: true\n',
        }),
        undefined,
      ),
    );
    expect(listed.message).toBe(
      'this repo keeps its Talos machines in machine templates rendered from a list of nodes (talos/nodes.yaml): homeops does not edit those',
    );
    expect(listed.fix).toMatch(
      /^add the node as an entry of talos\/nodes\.yaml, as the others are/,
    );
  });

  it('says nothing was found, and how to pin a path, in a repo without Talos (never "talconfig.yaml does not exist")', () => {
    const none = refusal(() => openTalos(tree('argocd'), undefined));
    expect(none.message).toMatch(
      /^no Talos configuration in this repo: no talconfig\.yaml \(talhelper\), topf\.yaml \(topf\)/,
    );
    expect(none.fix).toContain('talos: { tool: talhelper, path: talos/talconfig.yaml }');
  });

  it('refuses two tools side by side (a migration) until .homeops.yaml says which', () => {
    const both = withFiles('talos-topf', {
      'talos/talconfig.yaml': 'clusterName: kubernetes\nnodes: []\n',
    });
    const error = refusal(() => openTalos(both, undefined));
    expect(error.message).toBe(
      'the repo keeps Talos nodes with several tools: talhelper (talconfig.yaml) at talos/talconfig.yaml; topf (topf.yaml) at talos/topf.yaml',
    );
    expect(error.fix).toBe(
      'say which one homeops edits in .homeops.yaml, e.g. talos: { tool: talhelper }',
    );
    expect(openTalos(both, { tool: 'topf' }).map((b) => b.where)).toEqual(['talos/topf.yaml']);
    expect(openTalos(both, { paths: ['talos/talconfig.yaml'] }).map((b) => b.tool)).toEqual([
      'talhelper',
    ]);
  });

  it('takes the pin from .homeops.yaml, and names the key when the pin points at nothing', () => {
    const pinned = withFiles('talos-talhelper-clusters', {
      '.homeops.yaml': 'talos:\n  path: talos/prod\n',
    });
    expect(openTalos(pinned, readConfig(pinned).talos).map((b) => b.where)).toEqual([
      'talos/prod/talconfig.yaml',
    ]);
    const wrong = withFiles('talos-topf', { '.homeops.yaml': 'talos:\n  path: infra/talos\n' });
    const error = refusal(() => openTalos(wrong, readConfig(wrong).talos));
    expect(error.message).toBe(
      'talos.path: no Talos configuration at infra/talos (found: talos/topf.yaml)',
    );
    expect(error.file).toBe('.homeops.yaml');
    const tool = withFiles('talos-topf', { '.homeops.yaml': 'talos:\n  tool: talhelper\n' });
    expect(refusal(() => openTalos(tool, readConfig(tool).talos)).message).toBe(
      'talos.tool is talhelper, but no talhelper (talconfig.yaml) configuration was found (found: topf at talos/topf.yaml)',
    );
    const bad = withFiles('talos-topf', { '.homeops.yaml': 'talos:\n  tool: talosctl\n' });
    const configError = refusal(() => readConfig(bad));
    expect(configError.message).toBe('talos.tool: "talosctl" is not a Talos tool homeops knows');
    expect(configError.fix).toBe('use one of: talhelper, topf, templates, talosctl-mise');
    expect(configError.line).toBe(2);
  });

  it('ignores dependencies and look-alikes: a package example under node_modules/, a NetworkPolicy named network-*.yaml', () => {
    const repo = withFiles('talos-topf', {
      'node_modules/talos-example/talconfig.yaml': 'clusterName: example\nnodes: []\n',
      'kubernetes/apps/network/envoy-gateway/app/network-policy.yaml':
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n',
    });
    expect(openTalos(repo, undefined).map((b) => b.tool)).toEqual(['topf']);
  });
});

describe('openTalos: what is not a cluster', () => {
  it('leaves out examples and archives: a talconfig.yaml under docs/ or examples/ is no second cluster', () => {
    const repo = withFiles('talos-talhelper-setup', {
      'docs/examples/talconfig.yaml': 'clusterName: example\nnodes: []\n',
      'archive/old-cluster/talconfig.yaml': 'clusterName: old\nnodes: []\n',
    });
    expect(openTalos(repo, undefined).map((b) => b.where)).toEqual(['setup/talos/talconfig.yaml']);
  });
});
