import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './support/run-bin.ts';
import { copyFixture, ROOT, snapshotFiles } from './support/temp-repo.ts';
import { overrideFlags } from './support/override-flags.ts';

const whoami = [
  '--name=whoami',
  '--namespace=default',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
];

describe.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))(
  'the homeops bin (built bundle, real process)',
  () => {
    it('writes an app and exits 0; a second run exits 0 with nothing to change', () => {
      const repo = copyFixture('flux-operator');
      const first = runBin(['app', '--dest', repo, '--yes', ...whoami]);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('created  kubernetes/apps/default/whoami/ks.yaml');
      const second = runBin(['app', '--dest', repo, '--yes', ...whoami]);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/^nothing to change/);
    });

    it('takes `--name value` as well as `--name=value`', () => {
      const repo = copyFixture('flux');
      const run = runBin([
        'app',
        '--dest',
        repo,
        '--name',
        'whoami',
        '--namespace',
        'default',
        '--image',
        'ghcr.io/traefik/whoami:v1.10.4',
        '--port',
        '80',
      ]);
      expect(run.code).toBe(0);
      expect(existsSync(join(repo, 'kubernetes/apps/default/whoami/ks.yaml'))).toBe(true);
    });

    it('exits 2 on usage errors: unknown generator, unknown flag', () => {
      expect(runBin(['nope']).code).toBe(2);
      const flag = runBin(['app', '--colour=blue']);
      expect(flag.code).toBe(2);
      expect(flag.stderr).toMatch(
        /unknown flag --colour\n[\s\S]*fix: the inputs of this generator are: --name/,
      );
      const typo = runBin(['app', '--namspace=default']);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('unknown flag --namspace; did you mean --namespace?');
    });

    it('exits 1 naming the missing inputs when there is no terminal', () => {
      const repo = copyFixture('flux');
      const run = runBin(['app', '--dest', repo, '--name=whoami']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('missing required inputs: --image, --port');
    });

    it('reports machine-readable results with --json, errors included', () => {
      const repo = copyFixture('flux');
      const ok = JSON.parse(
        runBin(['app', '--dest', repo, '--json', '--dry-run', ...whoami]).stdout,
      );
      expect(ok).toMatchObject({
        ok: true,
        generator: 'app',
        layout: 'flux',
        dryRun: true,
        written: false,
      });
      expect(ok.changes.map((c: { path: string }) => c.path)).toContain(
        'kubernetes/apps/default/whoami/ks.yaml',
      );
      // every input as resolved, the learned defaults included
      expect(ok.inputs).toMatchObject({
        name: 'whoami',
        namespace: 'default',
        port: 80,
        route: 'none',
        chartVersion: '4.4.0',
      });
      const bad = runBin(['app', '--dest', repo, '--json', ...overrideFlags(whoami, '--port=0')]);
      expect(bad.code).toBe(1);
      expect(JSON.parse(bad.stdout)).toMatchObject({
        ok: false,
        errors: [{ code: 'INVALID_INPUT', field: 'port' }],
      });
    });

    it('reads inputs from an answers file; flags override it', () => {
      const repo = copyFixture('flux');
      const answers = join(repo, 'answers.yaml');
      writeFileSync(
        answers,
        'name: whoami\nnamespace: default\nimage: ghcr.io/traefik/whoami:v1.10.4\nport: 80\nroute: internal\n',
      );
      const run = runBin(['app', '--dest', repo, '--answers', answers, '--route=external']);
      expect(run.code).toBe(0);
      expect(
        readFileSync(join(repo, 'kubernetes/apps/default/whoami/app/helmrelease.yaml'), 'utf8'),
      ).toContain('- name: envoy-external');
    });

    it('defaults the chart version to the one the repo uses most (counted over every app)', () => {
      const repo = copyFixture('flux');
      // make 4.3.0 the majority: two of the three app-template apps
      const echo = join(repo, 'kubernetes/apps/default/echo/app/ocirepository.yaml');
      writeFileSync(echo, readFileSync(echo, 'utf8').replace('tag: 4.4.0', 'tag: 4.3.0'));
      const run = runBin(['app', '--dest', repo, '--yes', ...whoami]);
      expect(run.code).toBe(0);
      expect(
        readFileSync(join(repo, 'kubernetes/apps/default/whoami/app/ocirepository.yaml'), 'utf8'),
      ).toContain('tag: 4.3.0');
    });

    it('says plainly when a repo has nothing for a generator (no Talos config in an Argo CD repo)', () => {
      const repo = copyFixture('argocd');
      const run = runBin([
        'node',
        '--dest',
        repo,
        '--yes',
        '--hostname=n1',
        '--ip=10.0.0.5',
        '--role=worker',
        '--disk=/dev/sda',
        '--mac=aa:bb:cc:dd:ee:ff',
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: no Talos configuration in this repo: no talconfig\.yaml/);
      expect(run.stderr).toContain('fix:');
    });

    it('lists the inputs of the repo layout with --help', () => {
      const repo = copyFixture('clustertool');
      const run = runBin(['app', '--dest', repo, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/--layer/);
      expect(run.stdout).not.toMatch(/--createNamespace/);
    });

    it('shows with --help what each input defaults to in this repo', () => {
      const help = (fixture: string) =>
        runBin(['app', '--dest', join(ROOT, 'test/fixtures', fixture), '--help']).stdout;
      const here = (text: string, input: string) =>
        new RegExp(`^  --${input} .*\\[here: ([^\\]]+)\\]$`, 'm').exec(text)?.[1];
      const perCluster = help('shapes/flux-per-cluster');
      // learned from the repo: its storage class, its chart version, its hostname form
      expect(here(perCluster, 'storageClass')).toBe('longhorn');
      expect(here(perCluster, 'chartVersion')).toBe('4.2.0');
      expect(here(perCluster, 'hostname')).toBe('<name>.${CLUSTER_DOMAIN}');
      // two clusters: no default cluster to show
      expect(here(perCluster, 'cluster')).toBeUndefined();
      const flux = help('flux');
      expect(here(flux, 'namespace')).toBe('default');
      expect(here(flux, 'chartVersion')).toBe('4.4.0');
      expect(here(flux, 'hostname')).toBe('{{ .Release.Name }}.${SECRET_DOMAIN}');
      // in a folder that is no home-ops repo, the rules alone
      const empty = mkdtempSync(join(tmpdir(), 'homeops-help-'));
      const bare = runBin(['app', '--dest', empty, '--help']);
      expect(bare.stdout).toContain('--storageClass');
      expect(bare.stdout).not.toContain('[here:');
    });

    it('stops quietly when its reader closes the pipe (homeops ... | head)', () => {
      const repo = copyFixture('flux');
      const env = { ...process.env };
      delete env.NODE_OPTIONS;
      const run = spawnSync(
        'bash',
        [
          '-c',
          `node ${join(ROOT, 'bin/homeops.mjs')} app --dest ${repo} --dry-run ${whoami.join(' ')} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`,
        ],
        { encoding: 'utf8', env },
      );
      expect(run.stdout.split('\n')[0]).toMatch(/^--- /);
      expect(run.stderr).toContain('status=0');
      expect(run.stderr).not.toMatch(/EPIPE|Error/);
    });

    it('prints the inputs of a generator with --help', () => {
      const run = runBin(['app', '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/--image\s+repository:tag, pinned/);
    });

    it('says how to set the layout when the folder is no home-ops repo, and writes nothing', () => {
      const repo = copyFixture('flux');
      const before = snapshotFiles(join(repo, 'talos'));
      const run = runBin(['app', '--dest', join(repo, 'talos'), '--yes', ...whoami]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/no known repo layout found[\s\S]*fix: .*\.homeops\.yaml/);
      expect(snapshotFiles(join(repo, 'talos'))).toEqual(before);
    });
  },
);
