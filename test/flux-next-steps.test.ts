import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * The next steps `homeops app` prints name what this repo shape has: the file to review by the
 * repo's own name, the root to reconcile, and the Kustomization that applies the app (its own
 * entry, an entry in flux-system, or, in a flat repo, the root itself).
 */
const cases = [
  {
    fixture: 'flux-flat',
    flags: ['--namespace=media'],
    review: 'kubernetes/media/hello/hello.yaml',
    reconcile: 'commit and push, then: flux reconcile kustomization flux-system -n flux-system',
    watch: 'flux get kustomization flux-system -n flux-system; flux get helmrelease hello -n media',
  },
  {
    fixture: 'flux-kebab',
    flags: ['--namespace=media'],
    review: 'kubernetes/apps/media/hello/app/helm-release.yaml',
    reconcile: 'commit and push, then: flux reconcile kustomization cluster-apps -n flux-system',
    watch: 'flux get kustomization hello -n media; flux get helmrelease hello -n media',
  },
  {
    fixture: 'flux-overlays',
    flags: ['--namespace=media', '--cluster=prod'],
    review: 'kubernetes/apps/base/media/hello/app/helmrelease.yaml',
    reconcile:
      'commit and push, then on cluster prod: flux reconcile kustomization cluster-apps -n flux-system',
    watch: 'flux get kustomization hello -n flux-system; flux get helmrelease hello -n media',
  },
];

describe.each(cases)(
  'next steps of app in $fixture',
  ({ fixture, flags, review, reconcile, watch }) => {
    it('name the files, the root and the Kustomization this shape has', async () => {
      const repo = copyFixture(`shapes/${fixture}`);
      const run = await homeops(
        'app',
        '--dest',
        repo,
        '--yes',
        '--name=hello',
        '--image=ghcr.io/traefik/whoami:v1.10.4',
        '--port=80',
        '--route=none',
        ...flags,
      );
      expect(run.code, run.stderr).toBe(0);
      const steps = run.stdout.slice(run.stdout.indexOf('next steps:'));
      expect(steps).toContain(`review the HelmRelease values in ${review}`);
      expect(steps).toContain(reconcile);
      expect(steps).toContain(`watch it: ${watch}`);
    });
  },
);
