import { describe, expect, it } from 'vitest';
import { fixtureFiles, memoryRepo, plannedFiles } from '../../../test/support/memory-repo.ts';
import { readGolden } from '../../../test/support/golden.ts';
import { FluxAppContext } from './flux-app-context.ts';
import { planFluxNamespace } from './plan-namespace.ts';

const APPS = 'kubernetes/apps';

/** The plan step alone, on the flux fixture in memory with `edits`. */
function plan(edits: Record<string, string | null> = {}, namespace = 'media') {
  const ctx = new FluxAppContext(memoryRepo('flux', edits));
  const group = planFluxNamespace(ctx, ctx.cluster(undefined), namespace);
  return { group, files: plannedFiles(ctx.repo.tree) };
}

/** The flux fixture's namespace folders, each without its Namespace file (a component makes it). */
function namespacesFromAComponent(): Record<string, string | null> {
  const edits: Record<string, string | null> = {};
  for (const [path, text] of Object.entries(fixtureFiles('flux'))) {
    if (!new RegExp(`^${APPS}/[^/]+/kustomization\\.yaml$`).test(path)) continue;
    edits[path] = text.replace('  - ./namespace.yaml\n', '');
    edits[path.replace('kustomization.yaml', 'namespace.yaml')] = null;
  }
  return edits;
}

describe('planFluxNamespace (in memory)', () => {
  it('writes the folder the siblings have: their kustomization (components, order) and a Namespace file', () => {
    const { group, files } = plan();
    expect(Object.keys(files)).toEqual([
      `${APPS}/media/kustomization.yaml`,
      `${APPS}/media/namespace.yaml`,
    ]);
    expect(files[`${APPS}/media/kustomization.yaml`]).toBe(
      readGolden('namespace/flux/kustomization.yaml').replace('  - ./whoami/ks.yaml\n', ''),
    );
    expect(files[`${APPS}/media/namespace.yaml`]).toBe(readGolden('namespace/flux/namespace.yaml'));
    expect(group.unit).toMatchObject({ dir: `${APPS}/media`, namespace: 'media' });
    expect(group.registration).toBeUndefined(); // Flux generates the list of kubernetes/apps
  });

  it('returns the existing folder of a namespace and changes nothing', () => {
    const { group, files } = plan({}, 'default');
    expect(files).toEqual({});
    expect(group.unit.file).toBe(`${APPS}/default/kustomization.yaml`);
  });

  it('writes no Namespace file where most namespaces get theirs from a component', () => {
    const { files } = plan(namespacesFromAComponent());
    expect(Object.keys(files)).toEqual([`${APPS}/media/kustomization.yaml`]);
    expect(files[`${APPS}/media/kustomization.yaml`]).toBe(
      readGolden('namespace/flux/kustomization.yaml').replace(
        'resources:\n  - ./namespace.yaml\n  - ./whoami/ks.yaml\n',
        'resources: []\n',
      ),
    );
  });

  it('lists the new folder in sorted place where the tree has its own kustomization', () => {
    const list = `---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ./cert-manager
  - ./default
  - ./flux-system
  - ./kube-system
  - ./network
  - ./security
`;
    const { group, files } = plan({ [`${APPS}/kustomization.yaml`]: list });
    expect(files[`${APPS}/kustomization.yaml`]).toBe(
      list.replace('  - ./network\n', '  - ./media\n  - ./network\n'),
    );
    expect(group.registration).toEqual({ file: `${APPS}/kustomization.yaml`, entry: './media' });
  });
});
