import type { RepoContext } from '../engine/generator.ts';
import type { TomlData } from '../talos/toml-text.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { JUSTFILE_NAMES } from './justfile.ts';
import { MISE_CONFIG_FILES, readMiseConfig } from './mise-config.ts';
import { ownPackage, type OwnPackage } from './own-package.ts';
import { parsePackageJson } from './package-json.ts';
import { PLOPFILE_NAMES } from './plopfile-text.ts';

export interface RepoFile {
  path: string;
  text: string;
}

/** What `homeops init` needs to know about the repo: which of the files it edits are there. */
export interface InitContext {
  tree: RepoTree;
  own: OwnPackage;
  /** The repo's mise config, when it has one. */
  mise: (RepoFile & { data: TomlData }) | undefined;
  justfile: RepoFile | undefined;
  packageJson: RepoFile | undefined;
  /** Whether package.json says `"type": "module"` (a plopfile may then be `.js`). */
  esm: boolean;
  plopfile: RepoFile | undefined;
}

export function initContext(repo: RepoContext): InitContext {
  const { tree } = repo;
  const first = (names: readonly string[]): RepoFile | undefined => {
    const path = names.find((name) => tree.isFile(name));
    const text = path === undefined ? undefined : tree.read(path);
    return path === undefined || text === undefined ? undefined : { path, text };
  };
  const mise = first(MISE_CONFIG_FILES);
  const packageJson = first(['package.json']);
  return {
    tree,
    own: ownPackage(),
    mise: mise && { ...mise, data: readMiseConfig(mise.path, mise.text) },
    justfile: first(JUSTFILE_NAMES),
    packageJson,
    esm: packageJson ? parsePackageJson(packageJson.text)['type'] === 'module' : false,
    plopfile: first(PLOPFILE_NAMES),
  };
}
