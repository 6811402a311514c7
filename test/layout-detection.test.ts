import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../src/layouts/detect-layout.ts';
import { readConfig } from '../src/repo/config.ts';
import { RepoTree } from '../src/tree/repo-tree.ts';
import { copyFixture, homeops } from './support/temp-repo.ts';

describe('layout detection', () => {
  it.each([
    ['flux', 'flux'],
    ['flux-operator', 'flux-operator'],
    ['clustertool', 'clustertool'],
    ['argocd', 'argocd'],
    ['argocd-mise', 'argocd-mise'],
  ])('tells the %s fixture apart as %s', (fixture, layout) => {
    expect(detectLayout(new RepoTree(copyFixture(fixture)))).toBe(layout);
  });

  it('refuses a folder that matches no layout, naming the config setting', () => {
    const empty = mkdtempSync(join(tmpdir(), 'homeops-empty-'));
    expect(() => detectLayout(new RepoTree(empty))).toThrow(/no known repo layout/);
  });

  it('refuses a repo that matches several layouts, naming the config setting', () => {
    const repo = copyFixture('flux');
    mkdirSync(join(repo, 'clusters/main/kubernetes'), { recursive: true });
    expect(() => detectLayout(new RepoTree(repo))).toThrow(expect.objectContaining({ code: 'LAYOUT', fix: expect.stringContaining('layout: flux-operator') }));
  });
});

describe('.homeops.yaml', () => {
  it('names the layout and pins conventions and input defaults', async () => {
    const repo = copyFixture('flux');
    writeFileSync(join(repo, '.homeops.yaml'), 'layout: flux-operator\ndefaults:\n  app:\n    route: internal\nconventions:\n  routeIn: file\n  domain: example.com\n');
    const run = await homeops('app', '--dest', repo, '--name=whoami', '--namespace=default', '--image=ghcr.io/traefik/whoami:v1.10.4', '--port=80', '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({ layout: 'flux-operator' });
    const paths = JSON.parse(run.stdout).changes.map((c: { path: string }) => c.path);
    expect(paths).toContain('kubernetes/apps/default/whoami/app/httproute.yaml');
    expect(JSON.parse(run.stdout).changes.find((c: { path: string }) => c.path.endsWith('httproute.yaml')).diff).toContain('+    - whoami.example.com');
  });

  it('refuses an unknown key with its file and line and the known keys', () => {
    const repo = mkdtempSync(join(tmpdir(), 'homeops-config-'));
    writeFileSync(join(repo, '.homeops.yaml'), 'layout: flux\n\nlayuot: argocd\n');
    expect(() => readConfig(new RepoTree(repo))).toThrow(expect.objectContaining({ file: '.homeops.yaml', line: 3, fix: expect.stringContaining('layout, defaults, conventions') }));
  });

  it('refuses an unknown layout name', () => {
    const repo = mkdtempSync(join(tmpdir(), 'homeops-config-'));
    writeFileSync(join(repo, '.homeops.yaml'), 'layout: fluxcd\n');
    expect(() => readConfig(new RepoTree(repo))).toThrow(/layout "fluxcd" is unknown/);
  });
});
