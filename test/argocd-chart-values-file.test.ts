import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * A chart other than app-template in a folder an ApplicationSet picks up: the kustomization's
 * `valuesFile` names a file that is written (kustomize build fails without it), and the next
 * steps name only files that were written (a plain app has no kustomization here).
 * Found trying MacroPower/homelab.
 */
const FIXTURE = 'argocd-files-one';

describe('homeops app: the files the kustomization and the next steps name are written', () => {
  it('writes the values file the kustomization names for another chart', async () => {
    const repo = copyFixture(FIXTURE);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=podinfo',
      '--namespace=podinfo',
      '--chart=oci://ghcr.io/stefanprodan/charts/podinfo',
      '--chartVersion=6.7.1',
    );
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const kustomization = parse(
      readFileSync(join(repo, 'apps/podinfo/kustomization.yaml'), 'utf8'),
    ) as {
      helmCharts: { valuesFile?: string }[];
    };
    const valuesFile = kustomization.helmCharts[0]?.valuesFile;
    expect(valuesFile).toBe('values.yaml');
    const values = join(repo, 'apps/podinfo', valuesFile ?? '');
    expect(existsSync(values)).toBe(true);
    expect(parse(readFileSync(values, 'utf8'))).toEqual({});
    expect(run.stdout).toContain('review apps/podinfo/values.yaml');
  });

  it('names the manifests it wrote for review where no kustomization was written', async () => {
    const repo = copyFixture(FIXTURE);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=whoami',
      '--namespace=whoami',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
    );
    expect(run.code).toBe(0);
    expect(existsSync(join(repo, 'apps/whoami/kustomization.yaml'))).toBe(false);
    const reviews = run.stdout.split('\n').filter((l) => l.includes('- review '));
    expect(reviews).toEqual(['  - review apps/whoami/deployment.yaml, apps/whoami/service.yaml']);
    for (const file of reviews[0]?.replace(/^.*- review /, '').split(', ') ?? [])
      expect(existsSync(join(repo, file))).toBe(true);
  });
});
