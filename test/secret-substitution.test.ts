import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  escapeForFlux,
  patchesInSubstitution,
  substitutesVariables,
} from '../src/flux/substitution.ts';
import { random } from './support/commit-plans.ts';
import { fluxSubstitute } from './support/flux-substitute.ts';
import { copyFixture, hasKubectl, homeops, kustomize, ROOT } from './support/temp-repo.ts';

/**
 * A 1Password item title or field label with `${` in it, written into a folder Flux substitutes
 * (`postBuild.substitute` / `substituteFrom`), must reach External Secrets as it is: homeops
 * writes it escaped as Flux documents (`$${...}`). Checked the way Flux would apply it: the folder
 * built with `kubectl kustomize`, then Flux's substitution, then the ExternalSecret read back.
 */

const TITLE = 'Home ${APP} item';
const LABELS = ['api ${key}', 'pa$$word'];
/** What cluster-secrets could hold: names the titles happen to use. */
const VARS = { APP: 'SUBSTITUTED', key: 'SUBSTITUTED', SECRET_DOMAIN: 'example.com' };

interface Ref {
  key?: string;
  property?: string;
}

/** The ExternalSecret's remote references after `kubectl kustomize` and, if `substituted`, Flux. */
function appliedRefs(dir: string, substituted: boolean): { data: Ref[]; extract: Ref[] } {
  const built = hasKubectl
    ? kustomize(dir)
    : readFileSync(join(dir, 'externalsecret.yaml'), 'utf8');
  const applied = substituted ? fluxSubstitute(built, VARS) : built;
  const es = parseAllDocuments(applied)
    .map((d) => d.toJS() as { kind?: string; spec?: Record<string, unknown> })
    .find((d) => d.kind === 'ExternalSecret');
  const spec = es?.spec ?? {};
  return {
    data: ((spec.data ?? []) as { remoteRef: Ref }[]).map((d) => d.remoteRef),
    extract: ((spec.dataFrom ?? []) as { extract: Ref }[]).map((d) => d.extract),
  };
}

const secretArgs = (repo: string, ...more: string[]) => [
  'secret',
  '--dest',
  repo,
  '--vault=kubernetes',
  `--item=${TITLE}`,
  '--source=offline',
  ...more,
];

describe('Flux substitution rule (the oracle) and the escape', () => {
  it('unescaped, a title is changed by Flux; escaped, it arrives as typed', () => {
    expect(fluxSubstitute(TITLE, VARS)).toBe('Home SUBSTITUTED item');
    expect(fluxSubstitute('pa$$word', VARS)).toBe('pa$word');
    expect(escapeForFlux(TITLE)).toBe('Home $${APP} item');
    for (const value of [TITLE, ...LABELS, '$', '$$$', 'a$b', '${', '$${x}', 'x$'])
      expect(fluxSubstitute(escapeForFlux(value), VARS, true)).toBe(value);
  });

  it('any string over $ { } and letters survives the escape and the substitution (500 random)', () => {
    const rnd = random(12);
    const alphabet = ['$', '{', '}', 'A', 'b', '_', ' ', ':', '-'];
    for (let n = 0; n < 500; n++) {
      const value = Array.from(
        { length: Math.floor(rnd() * 12) },
        () => alphabet[Math.floor(rnd() * alphabet.length)],
      ).join('');
      expect(fluxSubstitute(escapeForFlux(value), VARS, true), JSON.stringify(value)).toBe(value);
    }
  });

  it('reads substitution from postBuild and from a parent patch (strategic merge or JSON 6902)', () => {
    const patch = (text: string, target: object | undefined = { kind: 'Kustomization' }) => ({
      spec: { patches: [{ patch: text, ...(target && { target }) }] },
    });
    const sm =
      'kind: Kustomization\nspec:\n  postBuild:\n    substituteFrom:\n      - name: vars\n';
    expect(substitutesVariables({ spec: { postBuild: { substitute: { A: 'b' } } } })).toBe(true);
    expect(substitutesVariables({ spec: { postBuild: { substitute: {} } } })).toBe(false);
    expect(substitutesVariables({ spec: { postBuild: { substituteFrom: [] } } })).toBe(false);
    expect(patchesInSubstitution(patch(sm))).toBe(true);
    expect(patchesInSubstitution(patch(sm, { kind: 'HelmRelease' }))).toBe(false);
    expect(patchesInSubstitution(patch('kind: Kustomization\nspec:\n  decryption: {}\n'))).toBe(
      false,
    );
    expect(
      patchesInSubstitution(
        patch('- op: add\n  path: /spec/postBuild\n  value: {substitute: {A: b}}\n'),
      ),
    ).toBe(true);
  });
});

describe('1Password names in a folder Flux substitutes', () => {
  it('homeops secret (Connect store): item title and field labels escaped, and arrive as typed', async () => {
    const repo = copyFixture('flux');
    const run = await homeops(
      ...secretArgs(repo, '--namespace=default', '--app=echo', `--fields=${LABELS.join(',')}`),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = join(repo, 'kubernetes/apps/default/echo/app');
    const written = readFileSync(join(dir, 'externalsecret.yaml'), 'utf8');
    expect(written).toContain('key: Home $${APP} item');
    expect(written).toContain('property: api $${key}');
    expect(written).toContain('property: pa$$$word');
    const refs = appliedRefs(dir, true);
    expect(refs.data).toEqual([
      { key: TITLE, property: LABELS[0] },
      { key: TITLE, property: LABELS[1] },
    ]);
  });

  it('homeops app --secret=true (whole item): the title escaped, the hostname left to Flux', async () => {
    const repo = copyFixture('flux');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=vaulty',
      '--namespace=default',
      '--image=ghcr.io/example/app:1.2.3',
      '--port=8080',
      '--route=internal',
      '--hostname=vaulty.${SECRET_DOMAIN}',
      '--secret=true',
      '--vault=kubernetes',
      `--item=${TITLE}`,
      '--fields=*',
      '--source=offline',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = join(repo, 'kubernetes/apps/default/vaulty/app');
    expect(readFileSync(join(dir, 'externalsecret.yaml'), 'utf8')).toContain(
      'key: Home $${APP} item',
    );
    expect(appliedRefs(dir, true).extract).toEqual([{ key: TITLE }]);
    // the hostname is meant to be substituted (written as the repo writes its own), Flux fills it in
    const hr = readFileSync(join(dir, 'helmrelease.yaml'), 'utf8');
    expect(hr).toContain('hostnames: ["{{ .Release.Name }}.${SECRET_DOMAIN}"]');
    expect(fluxSubstitute(hr, VARS)).toContain('hostnames: ["{{ .Release.Name }}.example.com"]');
  });

  it('templated style (siblings template the Secret from the whole item): the label in the template too', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'homeops-flux-components-'));
    cpSync(join(ROOT, 'test/fixtures/shapes/flux-components'), repo, { recursive: true });
    // the shape's store, made a Connect one (an SDK reference cannot hold "$": that is refused)
    cpSync(
      join(
        ROOT,
        'test/fixtures/flux/kubernetes/apps/security/onepassword-connect/app/clustersecretstore.yaml',
      ),
      join(repo, 'kubernetes/apps/external-secrets/external-secrets/store/clustersecretstore.yaml'),
    );
    const run = await homeops(
      ...secretArgs(repo, '--namespace=media', '--app=prowlarr', `--fields=${LABELS[0]}`),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = join(repo, 'kubernetes/apps/media/prowlarr/app');
    const written = readFileSync(join(dir, 'externalsecret.yaml'), 'utf8');
    expect(written).toContain('{{ index . \\"api $${key}\\" }}');
    const applied = parseAllDocuments(fluxSubstitute(written, VARS)).map((d) => d.toJS()) as {
      spec: {
        target: { template: { data: Record<string, string> } };
        dataFrom: { extract: Ref }[];
      };
    }[];
    expect(applied[0]?.spec.dataFrom).toEqual([{ extract: { key: TITLE } }]);
    expect(Object.values(applied[0]?.spec.target.template.data ?? {})).toEqual([
      `{{ index . "${LABELS[0]}" }}`,
    ]);
  });

  it('a folder Flux does not substitute gets the names as typed', async () => {
    const repo = copyFixture('flux');
    const ks = join(repo, 'kubernetes/apps/default/echo/ks.yaml');
    writeFileSync(
      ks,
      readFileSync(ks, 'utf8').replace(/ {2}postBuild:\n {4}substituteFrom:\n(?: {6}.*\n)+/, ''),
    );
    expect(readFileSync(ks, 'utf8')).not.toContain('postBuild');
    const run = await homeops(
      ...secretArgs(repo, '--namespace=default', '--app=echo', `--fields=${LABELS[0]}`),
    );
    expect(run.code, run.stderr).toBe(0);
    const dir = join(repo, 'kubernetes/apps/default/echo/app');
    expect(readFileSync(join(dir, 'externalsecret.yaml'), 'utf8')).toContain(`key: ${TITLE}`);
    expect(appliedRefs(dir, false).data).toEqual([{ key: TITLE, property: LABELS[0] }]);
  });

  it('ClusterTool: flux-entry patches substitution into every app, so the names are escaped', async () => {
    const repo = copyFixture('clustertool');
    const store = join(repo, 'clusters/main/kubernetes/system/external-secrets/app');
    mkdirSync(store, { recursive: true });
    cpSync(
      join(
        ROOT,
        'test/fixtures/flux/kubernetes/apps/security/onepassword-connect/app/clustersecretstore.yaml',
      ),
      join(store, 'cluster-secret-store.yaml'),
    );
    const run = await homeops(...secretArgs(repo, '--app=sonarr', `--fields=${LABELS[0]}`));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = join(repo, 'clusters/main/kubernetes/apps/sonarr/app');
    const written = readFileSync(join(dir, 'external-secret.yaml'), 'utf8');
    expect(written).toContain('Home $${APP} item');
    const applied = parseAllDocuments(fluxSubstitute(written, VARS)).map((d) => d.toJS()) as {
      spec: { data: { remoteRef: Ref }[] };
    }[];
    expect(applied[0]?.spec.data.map((d) => d.remoteRef)).toEqual([
      { key: TITLE, property: LABELS[0] },
    ]);
    if (hasKubectl) expect(kustomize(dir)).toContain('kind: ExternalSecret');
  });
});
