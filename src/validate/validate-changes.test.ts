import { describe, expect, it } from 'vitest';
import type { FileChange } from '../tree/repo-tree.ts';
import { validateChanges } from './validate-changes.ts';

const change = (path: string, after: string): FileChange => ({
  path,
  type: 'create',
  before: undefined,
  after,
});

const oci = (tag: string) => `---
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: echo
spec:
  interval: 15m
  ref:
    tag: ${tag}
  url: oci://ghcr.io/bjw-s-labs/helm/app-template
`;

const kustomization =
  '---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./ocirepository.yaml\n';

describe('validateChanges', () => {
  it('counts the documents it validated: plain files, files that need the full parser, several documents', async () => {
    const anchored = oci('&t 4.4.0').replace('  interval: 15m', '  interval: 15m\n  timeout: 1m');
    const twoDocs = `${oci('4.4.0')}${oci('4.3.0').replace('name: echo', 'name: other')}`;
    await expect(
      validateChanges([
        change('a/ocirepository.yaml', oci('4.4.0')),
        change('b/ocirepository.yaml', anchored),
        change('c/two.yaml', twoDocs),
        change('a/kustomization.yaml', kustomization),
        change('README.md', 'no: yaml'),
      ]),
    ).resolves.toBe(4);
  });

  it('names the file and line of a schema error, in a plain file and in one the full parser reads', async () => {
    // a tag written as a number is a number to YAML, and the schema wants a string
    await expect(validateChanges([change('a/ocirepository.yaml', oci('4'))])).rejects.toMatchObject(
      {
        code: 'VALIDATION',
        file: 'a/ocirepository.yaml',
        line: 9,
        message: expect.stringContaining('spec.ref.tag'),
      },
    );
    const anchored = `${oci('4.4.0')}${oci('&t 4').replace('name: echo', 'name: other')}`;
    await expect(validateChanges([change('b/two.yaml', anchored)])).rejects.toMatchObject({
      code: 'VALIDATION',
      file: 'b/two.yaml',
      line: 19,
    });
  });

  it('names the file and line of a YAML syntax error', async () => {
    await expect(
      validateChanges([change('a/kustomization.yaml', 'resources:\n  - a\n - b\n')]),
    ).rejects.toMatchObject({ code: 'VALIDATION', file: 'a/kustomization.yaml', line: 3 });
  });

  it('takes a Flux variable with a default of a variable and an argocd-vault-plugin placeholder for names', async () => {
    const route = (host: string) =>
      `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: echo\nspec:\n  hostnames:\n    - "${host}"\n  parentRefs:\n    - name: internal\n`;
    await expect(
      validateChanges([
        change('a/httproute.yaml', route('${GATUS_SUBDOMAIN:=${APP}}.example.net')),
        change('b/httproute.yaml', route('echo.<secret:private-domain>')),
      ]),
    ).resolves.toBe(2);
  });
});
