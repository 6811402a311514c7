import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture, homeops } from './support/temp-repo.ts';

describe('the HelmRelease of a chart no sibling installs', () => {
  it("has empty values to fill, not another chart's, and the siblings' interval", async () => {
    // beside app-template apps, envoy-gateway, cert-manager and others with values of their own
    const repo = copyFixture('shapes/flux-per-cluster');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--cluster=main',
      '--name=podinfo',
      '--namespace=media',
      '--chart=oci://ghcr.io/stefanprodan/charts/podinfo',
      '--chartVersion=6.7.1',
    );
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(
      join(repo, 'kubernetes/main/apps/media/podinfo/app/helmrelease.yaml'),
      'utf8',
    );
    expect(text).toMatch(/\n {2}values: \{\}\n/);
    const release = parse(text) as { spec: { values: unknown; interval: string } };
    expect(release.spec.values).toEqual({});
    const sibling = parse(
      readFileSync(join(repo, 'kubernetes/main/apps/media/sonarr/app/helmrelease.yaml'), 'utf8'),
    ) as { spec: { interval: string } };
    expect(release.spec.interval).toBe(sibling.spec.interval);
  });
});

describe('the HelmRelease of a chart a sibling installs too', () => {
  it("has empty values to fill, not the sibling's renamed after the new app", async () => {
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
    const release = parse(
      readFileSync(join(repo, 'kubernetes/apps/network/gateway-2/app/helmrelease.yaml'), 'utf8'),
    ) as { spec: { values: unknown } };
    expect(release.spec.values).toEqual({});
  });
});
