import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileChange } from '../../src/tree/repo-tree.ts';
import { pick } from './commit-plans.ts';

/**
 * Random plans over a small repo of kustomizations (written for this test, not a copy of one):
 * new resource files and new folders, each registered in the kustomization above it, and edits
 * of files the repo has, merged into one plan as a generator makes them. Every kustomization of
 * the repo builds before and after the plan, so a run stopped half way must leave one that builds.
 */

const APPS = 'kubernetes/apps';
const NAMESPACES = ['default', 'media'];

const configMap = (name: string, value: string) =>
  `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  value: "${value}"\n`;
const kustomization = (resources: string[]) =>
  `---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources.map((r) => `  - ${r}\n`).join('')}`;

/** The repo: `kubernetes/apps` lists two namespace folders, each with an app of one ConfigMap. */
export function kustomizeRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'homeops-kustomize-'));
  const files: Record<string, string> = {
    [`${APPS}/kustomization.yaml`]: kustomization(NAMESPACES.map((ns) => `./${ns}`)),
  };
  for (const ns of NAMESPACES) {
    files[`${APPS}/${ns}/kustomization.yaml`] = kustomization(['./echo/app']);
    files[`${APPS}/${ns}/echo/app/kustomization.yaml`] = kustomization(['./configmap.yaml']);
    files[`${APPS}/${ns}/echo/app/configmap.yaml`] = configMap(`echo-${ns}`, 'one');
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/**
 * One to four random steps, merged: a ConfigMap added to an app (and listed in its
 * kustomization), a new app folder two levels deep (listed in its namespace's), an edit of an
 * existing ConfigMap. Each file is changed once, from what the repo has to the final text.
 */
export function planKustomize(root: string, rnd: () => number, seed: number): FileChange[] {
  const read = (path: string) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const after = new Map<string, string>();
  const text = (path: string) => after.get(path) ?? read(path);
  const list = (file: string, entry: string) => {
    const now = text(file) ?? kustomization([]);
    after.set(file, `${now}  - ${entry}\n`);
  };
  const steps = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < steps; i++) {
    const ns = pick(rnd, NAMESPACES);
    const kind = pick(rnd, ['resource', 'app', 'edit'] as const);
    const name = `s${seed}-${i}`;
    if (kind === 'resource') {
      const dir = `${APPS}/${ns}/echo/app`;
      after.set(`${dir}/${name}.yaml`, configMap(name, 'new'));
      list(`${dir}/kustomization.yaml`, `./${name}.yaml`);
    } else if (kind === 'app') {
      const dir = `${APPS}/${ns}/${name}/app`;
      after.set(`${dir}/configmap.yaml`, configMap(name, 'new'));
      after.set(`${dir}/kustomization.yaml`, kustomization(['./configmap.yaml']));
      list(`${APPS}/${ns}/kustomization.yaml`, `./${name}/app`);
    } else {
      const path = `${APPS}/${ns}/echo/app/configmap.yaml`;
      after.set(path, (text(path) ?? '').replace(/value: ".*"/, `value: "edit ${name}"`));
    }
  }
  return [...after].map(([path, content]) => {
    const before = read(path);
    return before === undefined
      ? { path, type: 'create', before, after: content }
      : { path, type: 'update', before, after: content };
  });
}
