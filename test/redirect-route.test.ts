import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * A Gateway's own http-to-https HTTPRoute (its `http` listener takes routes from its namespace
 * only) is no app's way in: where no app routes through the external Gateway yet, a new external
 * app attaches to the listener the apps use, https, not to the redirect's.
 */
const REDIRECT = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: external-redirect
spec:
  parentRefs:
    - name: external
      namespace: gateway
      sectionName: http
  rules:
    - filters:
        - type: RequestRedirect
          requestRedirect:
            scheme: https
            statusCode: 301
`;

describe('a redirect HTTPRoute of the Gateway', () => {
  it('does not give an external app its listener', async () => {
    const repo = copyFixture('shapes/argocd-appset-dirs');
    const gateway = join(repo, 'my-apps/infrastructure/gateway');
    writeFileSync(join(gateway, 'redirect.yaml'), REDIRECT);
    const k = join(gateway, 'kustomization.yaml');
    writeFileSync(
      k,
      readFileSync(k, 'utf8').replace(
        '  - namespace.yaml\n',
        '  - namespace.yaml\n  - redirect.yaml\n',
      ),
    );
    // the one app routed externally goes internal: the redirect is the only route to external
    const mealie = join(repo, 'my-apps/home/mealie/httproute.yaml');
    writeFileSync(
      mealie,
      readFileSync(mealie, 'utf8').replace('- name: external', '- name: internal'),
    );
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=whoami',
      '--namespace=whoami',
      '--group=home',
      '--image=ghcr.io/traefik/whoami:v1.11.0',
      '--port=8080',
      '--route=external',
      '--hostname=whoami.example.net',
    );
    expect(run.code, run.stderr).toBe(0);
    const route = readFileSync(join(repo, 'my-apps/home/whoami/httproute.yaml'), 'utf8');
    expect(route).toContain(
      '- name: external\n      namespace: gateway\n      sectionName: https\n',
    );
  });
});
