import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appGenerator } from '../generators/app/app.ts';
import { variantFor } from '../src/engine/by-layout.ts';
import { openRepo } from '../src/engine/open-repo.ts';
import { runGenerator } from '../src/engine/run-generator.ts';
import { loadShapeFixture } from './support/shape-fixtures.ts';
import { pickProblems } from './support/shape-graph.ts';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

/**
 * `homeops app` in an Argo CD repo whose ApplicationSet has a git files generator: every
 * `cluster/apps/<group>/<app>/app-config.yaml` with `enabled: "true"` is an Application, and each
 * app is an umbrella Helm chart (Chart.yaml, values.yaml, Helm templates in templates/).
 */
const FIXTURE = 'argocd-appset-files';

const mealie = [
  '--name=mealie',
  '--group=home',
  '--image=ghcr.io/mealie-recipes/mealie:v2.8.0',
  '--port=9000',
  '--route=internal',
  '--storage=2Gi',
  '--secret=true',
  '--item=mealie',
  '--fields=OPENAI_API_KEY',
  '--source=offline',
];
const dir = 'cluster/apps/home/mealie';
const read = (repo: string, file: string) => readFileSync(join(repo, dir, file), 'utf8');

describe('homeops app in an ApplicationSet (git files generator) repo', () => {
  it('writes a config file the generator selects and an umbrella chart like its siblings', async () => {
    const repo = copyFixture(`shapes/${FIXTURE}`);
    const run = await homeops('app', '--dest', repo, '--yes', ...mealie);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'picked up by ApplicationSet cluster-apps (argocd/appsets/cluster-apps.yaml, cluster/apps/*/*/app-config.yaml where enabled is "true")',
    );
    const app = { name: 'mealie', namespace: 'home', dir, files: [], chart: '', plain: false };
    const by = { file: 'argocd/appsets/cluster-apps.yaml', name: 'cluster-apps' };
    expect(pickProblems(loadShapeFixture(FIXTURE, repo), { ...app, pickedBy: by })).toEqual([]);
    const written = Object.keys(snapshotFiles(join(repo, dir))).sort();
    expect(written).toEqual([
      'Chart.yaml',
      'app-config.yaml',
      'templates/externalsecret.yaml',
      'values.yaml',
    ]);
    // the namespace the siblings of the group have: the group's name, in the config's key
    expect(read(repo, 'app-config.yaml')).toBe(
      '---\nenabled: "true"\nnamespace: home\nsyncWave: "10"\n',
    );
    expect(parse(read(repo, 'Chart.yaml'))).toEqual({
      apiVersion: 'v2',
      name: 'mealie',
      description: 'Umbrella chart for mealie',
      type: 'application',
      version: '1.0.0',
      dependencies: [
        { name: 'app-template', version: '4.1.2', repository: 'oci://ghcr.io/bjw-s-labs/helm' },
      ],
    });
    const values = parse(read(repo, 'values.yaml')) as Record<string, Record<string, unknown>>;
    expect(Object.keys(values)).toEqual(['app-template']);
    const chart = values['app-template'] ?? {};
    expect(chart.global).toEqual({ fullnameOverride: 'mealie' });
    expect(chart.ingress).toEqual({
      app: {
        className: 'internal',
        hosts: [
          {
            host: 'mealie.lab.example.io',
            paths: [{ path: '/', service: { identifier: 'app', port: 'http' } }],
          },
        ],
      },
    });
    expect(JSON.stringify(chart.persistence)).toContain('"storageClass":"local-path"');
    // a Helm template: the release name unquoted, as the siblings' templates write it
    const secret = read(repo, 'templates/externalsecret.yaml');
    expect(secret).toContain('metadata:\n  name: {{ .Release.Name }}\n');
    expect(secret).toContain('  target:\n    name: {{ .Release.Name }}-secret\n');
    expect(secret).toContain('key: mealie/OPENAI_API_KEY');
    expect(existsSync(join(repo, dir, 'kustomization.yaml'))).toBe(false);
  });

  it('checks the ExternalSecret template against its schema as Helm renders it', async () => {
    const repo = openRepo(copyFixture(`shapes/${FIXTURE}`));
    const generator = await variantFor(appGenerator, repo);
    const given = Object.fromEntries(mealie.map((f) => f.slice(2).split('=') as [string, string]));
    const result = await runGenerator(generator, {
      dest: repo.tree.root,
      repo,
      given: { ...given, port: 9000, secret: true },
      dryRun: true,
    });
    const kinds = result.changes
      .filter((c) => !c.path.includes('/templates/'))
      .flatMap((c) => parseAllDocuments(c.after) as unknown as { toJS(): { kind?: string } }[])
      .flatMap((d) => d.toJS().kind ?? []);
    expect(kinds).toEqual([]);
    expect(result.validatedDocuments).toBe(1);
  });

  it('writes an external app with the external ingress class and an app of infra in its own namespace and wave', async () => {
    const repo = copyFixture(`shapes/${FIXTURE}`);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=reloader',
      '--group=infra',
      '--image=ghcr.io/stakater/reloader:v1.4.0',
      '--port=9090',
      '--route=external',
      '--hostname=reloader.example.io',
    );
    expect(run.stderr).toBe('');
    const folder = join(repo, 'cluster/apps/infra/reloader');
    // in its own namespace, and in the sync wave most infra apps have ("-20"), not the repo's ("10")
    expect(readFileSync(join(folder, 'app-config.yaml'), 'utf8')).toBe(
      '---\nenabled: "true"\nnamespace: reloader\nsyncWave: "-20"\n',
    );
    expect(readFileSync(join(folder, 'values.yaml'), 'utf8')).toContain(
      'className: external\n      hosts:\n        - host: reloader.example.io\n',
    );
  });

  it('changes nothing on a second run, and writes nothing in a dry run', async () => {
    const repo = copyFixture(`shapes/${FIXTURE}`);
    const before = snapshotFiles(repo);
    const dry = await homeops('app', '--dest', repo, '--yes', '--dry-run', ...mealie);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`+++ b/${dir}/templates/externalsecret.yaml`);
    expect(snapshotFiles(repo)).toEqual(before);
    await homeops('app', '--dest', repo, '--yes', ...mealie);
    const once = snapshotFiles(repo);
    const again = await homeops('app', '--dest', repo, '--yes', ...mealie);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(once);
  });
});
