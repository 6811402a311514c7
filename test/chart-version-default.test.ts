import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { copyFixture, homeops } from './support/temp-repo.ts';

const podinfo = (repo: string, namespace: string) =>
  homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    '--name=podinfo',
    `--namespace=${namespace}`,
    '--chart=oci://ghcr.io/stefanprodan/charts/podinfo',
  );

describe('the default version of an OCI chart other than app-template', () => {
  it("is not another chart's: with no sibling pinning it, --chartVersion is asked for", async () => {
    // the siblings install app-template 3.6.1 from a HelmRepository (chart.spec)
    const repo = copyFixture('flux-legacy');
    const run = await podinfo(repo, 'media');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--chartVersion');
  });

  it('is the version the siblings pin that chart at', async () => {
    const repo = copyFixture('shapes/flux-components');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=gateway-2',
      '--namespace=network',
      '--chart=oci://docker.io/envoyproxy/gateway-helm',
    );
    expect(run.code, run.stderr).toBe(0);
    const dir = join(repo, 'kubernetes/apps/network/gateway-2/app');
    const source = parseAllDocuments(readFileSync(join(dir, 'ocirepository.yaml'), 'utf8'))
      .map((d) => d.toJS() as { spec: { ref: { tag: string } } })
      .at(0);
    expect(source?.spec.ref.tag).toBe('v1.4.2');
  });
});
