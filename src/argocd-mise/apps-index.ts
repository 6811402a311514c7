import { posix } from 'node:path';
import { dig, readYamlAll } from '../repo/read-yaml.ts';
import type { RepoTree } from '../tree/repo-tree.ts';

/** Where the root Application looks (recursively) for every app's `application.yaml`. */
export const APPS_DIR = 'src/apps';
export const BOOTSTRAP_DIR = 'src/bootstrap';
export const TIERS = ['infrastructure', 'services'] as const;
export type Tier = (typeof TIERS)[number];

type Data = Record<string, unknown>;

/** One app: `src/apps/<tier>/<name>/application.yaml` and, usually, `k8s/` beside it. */
export interface MiseApp {
  tier: string;
  name: string;
  dir: string;
  applicationFile: string;
  /** The Application document (the first of the file). */
  application: Data | undefined;
  /** Its destination namespace. */
  namespace: string | undefined;
}

/** Where a namespace comes from: a Namespace manifest, or an Application with CreateNamespace=true. */
export interface NamespaceOrigin {
  how: 'manifest' | 'createNamespace';
  file: string;
}

/**
 * The apps of a talosctl + mise + Argo CD repo, read once: every folder under `src/apps/<tier>/`
 * with an `application.yaml`, and every YAML document under `src/apps` and `src/bootstrap`.
 */
export class MiseAppsIndex {
  private found: MiseApp[] | undefined;
  private yamlFiles: string[] | undefined;
  private readonly docsCache = new Map<string, Data[]>();

  constructor(readonly tree: RepoTree) {}

  apps(): MiseApp[] {
    if (this.found) return this.found;
    const apps: MiseApp[] = [];
    for (const tier of this.tree.subfolders(APPS_DIR)) {
      for (const name of this.tree.subfolders(`${APPS_DIR}/${tier}`)) {
        const dir = `${APPS_DIR}/${tier}/${name}`;
        const applicationFile = `${dir}/application.yaml`;
        if (!this.tree.isFile(applicationFile)) continue;
        const application = this.docs(applicationFile).find((d) => d.kind === 'Application');
        const namespace = str(dig(application, 'spec', 'destination', 'namespace'));
        apps.push({ tier, name, dir, applicationFile, application, namespace });
      }
    }
    return (this.found = apps);
  }

  /** The apps of this folder name, in any tier. */
  find(name: string): MiseApp[] {
    return this.apps().filter((a) => a.name === name);
  }

  /** Every YAML file under src/apps and src/bootstrap, sorted. */
  files(): string[] {
    if (this.yamlFiles) return this.yamlFiles;
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const child of this.tree.children(dir)) {
        const path = posix.join(dir, child);
        if (this.tree.isDirectory(path)) walk(path);
        else if (/\.ya?ml$/.test(child)) out.push(path);
      }
    };
    for (const dir of [APPS_DIR, BOOTSTRAP_DIR]) if (this.tree.isDirectory(dir)) walk(dir);
    return (this.yamlFiles = out.sort());
  }

  /** Every YAML document of a file as data (cached). */
  docs(path: string): Data[] {
    let docs = this.docsCache.get(path);
    if (!docs) this.docsCache.set(path, (docs = readYamlAll(this.tree, path)));
    return docs;
  }

  /** Every document of a kind in the repo's Argo CD folders, with its file. */
  documents(kind: string): { file: string; doc: Data }[] {
    return this.files().flatMap((file) =>
      this.docs(file)
        .filter((d) => d.kind === kind)
        .map((doc) => ({ file, doc })),
    );
  }

  /** Every Application of the repo (the apps' and the bootstrap ones such as `root`). */
  applications(): { file: string; doc: Data }[] {
    return this.documents('Application');
  }

  /** Where each namespace of the repo comes from. */
  namespaces(): Map<string, NamespaceOrigin[]> {
    const out = new Map<string, NamespaceOrigin[]>();
    const add = (name: string | undefined, origin: NamespaceOrigin) => {
      if (name) out.set(name, [...(out.get(name) ?? []), origin]);
    };
    for (const { file, doc } of this.documents('Namespace'))
      add(str(dig(doc, 'metadata', 'name')), { how: 'manifest', file });
    for (const { file, doc } of this.applications()) {
      const options = dig(doc, 'spec', 'syncPolicy', 'syncOptions');
      if (Array.isArray(options) && options.includes('CreateNamespace=true'))
        add(str(dig(doc, 'spec', 'destination', 'namespace')), { how: 'createNamespace', file });
    }
    return out;
  }
}

export { dig };

export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

/** An Application's sources, whether it has `source` or `sources`. */
export function sourcesOf(application: unknown): Data[] {
  const many = dig(application, 'spec', 'sources');
  if (Array.isArray(many))
    return many.filter((s): s is Data => s !== null && typeof s === 'object');
  const one = dig(application, 'spec', 'source');
  return one && typeof one === 'object' ? [one as Data] : [];
}
