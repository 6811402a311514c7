import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../support/shape-fixtures.ts';
import { homeops, ROOT } from '../support/temp-repo.ts';
import { runBin } from '../support/run-bin.ts';
import { info, runPrinted } from './info-support.ts';

const FIXTURES = join(ROOT, 'test/fixtures');
const every = [
  ...readdirSync(FIXTURES)
    .filter((n) => n !== 'shapes')
    .map((n) => join(FIXTURES, n)),
  ...readdirSync(SHAPES)
    .filter((n) => !n.endsWith('.yaml'))
    .map((n) => join(SHAPES, n)),
];

/** A chart and version a ClusterTool fixture's apps already use (its `chart.spec`). */
function chartInUse(root: string): Record<string, string> {
  const hr = parse(
    readFileSync(join(root, 'clusters/main/kubernetes/apps/plex/app/helm-release.yaml'), 'utf8'),
  ) as { spec: { chart: { spec: { chart: string; version: string } } } };
  return { chart: hr.spec.chart.spec.chart, version: hr.spec.chart.spec.version };
}

describe('homeops info, the command', () => {
  it('is listed by homeops --help and explains itself with info --help', async () => {
    const help = await homeops('--help');
    expect(help.stdout).toMatch(/homeops info \[--json\]\s+the repo explained/);
    const own = await homeops('info', '--help');
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('--json');
    expect(own.stdout).toContain('--dest DIR');
  });

  it('--json has the keys the README documents, in every engine and Talos entry', async () => {
    const run = await homeops('info', '--dest', join(FIXTURES, 'flux'), '--json');
    const model = JSON.parse(run.stdout) as Record<string, unknown> & {
      engines: Record<string, unknown>[];
      talos: { clusters: Record<string, unknown>[] };
    };
    expect(Object.keys(model)).toEqual([
      'ok',
      'root',
      'engine',
      'engines',
      'talos',
      'commands',
      'notes',
    ]);
    expect(Object.keys(model.engines[0] ?? {})).toEqual([
      'engine',
      'layout',
      'shape',
      'clusters',
      'apps',
      'namespaces',
      'chartSources',
      'gateways',
      'hostname',
      'storage',
      'secrets',
    ]);
    expect(Object.keys(model.talos.clusters[0] ?? {})).toEqual([
      'name',
      'tool',
      'title',
      'where',
      'talosVersion',
      'nodes',
      'subnet',
      'freeAddress',
      'patches',
    ]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const key of Object.keys(model.engines[0] ?? {}))
      expect(readme, key).toMatch(new RegExp(`\`${key}(\\[\\])?\``));
    for (const key of ['freeAddress', 'pickedUpBy', 'backupComponent', 'appNamespaces'])
      expect(readme, key).toContain(key);
  });

  it('outside a home-ops repo: says so and exits 1, in text and JSON', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'homeops-info-empty-'));
    const text = await homeops('info', '--dest', empty);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('is not a home-ops repo homeops knows');
    expect(text.stdout).toBe('');
    const json = await homeops('info', '--dest', empty, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, errors: [{ code: 'LAYOUT' }] });
  });

  it('from a subfolder describes the git repo around it; outside any git repo, refuses', () => {
    const repo = mkdtempSync(join(tmpdir(), 'homeops-info-git-'));
    cpSync(join(FIXTURES, 'flux'), repo, { recursive: true });
    mkdirSync(join(repo, '.git'));
    const bin = (cwd: string) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/homeops.mjs'), 'info'], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '', GIT_CEILING_DIRECTORIES: tmpdir() },
      });
    const inside = bin(join(repo, 'kubernetes/apps/default'));
    expect(inside.status, inside.stderr).toBe(0);
    expect(inside.stdout).toContain(`homeops info: ${repo}\n`);
    const outside = bin(mkdtempSync(join(tmpdir(), 'homeops-info-nogit-')));
    expect(outside.status).toBe(1);
    expect(outside.stderr).toContain('is not inside a git repo');
  });

  it('refuses a folder that does not exist and a flag it does not take', async () => {
    const missing = await homeops('info', '--dest', join(tmpdir(), 'homeops-no-such-folder'));
    expect(missing.code).toBe(2);
    const typo = await homeops('info', '--jsno');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean --json?');
  });

  it('a mistyped info is a usage error that names it', async () => {
    const run = await homeops('inf');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "info"?');
  });
});

describe.each(every.map((root) => [root.slice(FIXTURES.length + 1), root]))(
  'the commands homeops info prints in %s',
  (_name, root) => {
    it('run as printed (placeholders filled), as dry runs', async () => {
      const { model } = await info(root);
      // a secret command that names a real app runs too, its 1Password item taken on trust (offline)
      const runnable = model.commands.filter(
        (c) =>
          /^homeops (app|namespace|node) /.test(c.command) ||
          (c.command.startsWith('homeops secret ') && !c.command.includes('<app>')),
      );
      const extra = {
        ...(root.endsWith('/clustertool') ? chartInUse(root) : {}),
        'item title': 'info-probe',
        'field label': 'PROBE',
      };
      for (const c of runnable) {
        const offline = c.command.startsWith('homeops secret ') ? ' --source=offline' : '';
        const run = await runPrinted(root, `${c.command}${offline}`, extra, c.engine);
        // warnings (what a new node could not copy from its siblings) are fine; errors are not
        expect(run.stderr, c.command).not.toContain('error:');
        expect(run.code, `${c.command}\n${run.stderr}`).toBe(0);
      }
      // every engine homeops writes to offers an app command; the others say what to do by hand
      if (model.engines.some((e) => e.layout !== null))
        expect(runnable.some((c) => c.command.startsWith('homeops app '))).toBe(true);
      if (model.talos.clusters.length)
        expect(runnable.some((c) => c.command.startsWith('homeops node '))).toBe(true);
    });
  },
);

describe('homeops info over Helm templates (argocd-appset-files)', () => {
  it('prints no warning of the YAML library about template keys ({{ .Release.Namespace }})', () => {
    const run = runBin(['info', '--dest', join(FIXTURES, 'shapes/argocd-appset-files')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
