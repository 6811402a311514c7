import { posix } from 'node:path';
import type { Group } from '../repo/graph/flux-graph.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';

const FLUX_KS = /^apiVersion:\s*["']?kustomize\.toolkit\.fluxcd\.io\//gm;
const APP = '([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)';

/**
 * The apps a namespace folder registers, named from its registration entries where the repo's
 * entry convention names each app's folder (`⟪app⟫/ks.yaml`, `⟪app⟫/install.yaml`): the entry
 * files are not parsed, so a repo of thousands of apps lists them as fast as it lists its
 * folders. Undefined where the convention does not say (`⟪app⟫.yaml`, layers): the caller parses.
 */
export function appNamesFromEntries(
  tree: RepoTree,
  group: Group,
  entryFile: string,
  cluster: string | undefined,
): string[] | undefined {
  const namespace = group.unit.namespace;
  if (!/⟪app⟫\//.test(entryFile) || group.unit.file === undefined || namespace === undefined)
    return undefined;
  const words: Record<string, string | undefined> = { ns: namespace, cluster };
  const pattern = entryFile
    .split(/(⟪[a-z]+⟫)/)
    .map((part) => {
      const token = /^⟪([a-z]+)⟫$/.exec(part)?.[1];
      if (token === undefined) return escapeRegExp(part);
      if (token === 'app') return APP;
      const word = words[token];
      return word ? escapeRegExp(word) : '[^/]+';
    })
    .join('');
  const re = new RegExp(`^${pattern}$`);
  const names: string[] = [];
  for (const r of group.unit.resources) {
    const name =
      r.kind === 'file' ? re.exec(posix.relative(group.unit.dir, r.path))?.[1] : undefined;
    if (name === undefined) continue;
    // a file of several Kustomizations, or one not named like its folder: only parsing tells
    const text = tree.read(r.path) ?? '';
    if ((text.match(FLUX_KS) ?? []).length !== 1 || !text.includes(name)) return undefined;
    names.push(name);
  }
  return names.length > 0 ? names : undefined;
}
