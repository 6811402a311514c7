import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { FluxRepoIndex } from './repo-index.ts';

/**
 * The chart version the repo uses most for a chart URL, counted over every app's
 * `app/ocirepository.yaml`. Files are read concurrently and only those naming the URL are parsed,
 * so a repo of thousands of apps costs a few milliseconds more than a small one.
 */
export async function mostUsedChartVersion(index: FluxRepoIndex, url: string): Promise<string | undefined> {
  const root = index.tree.root;
  const counts = new Map<string, number>();
  const namespaces = await readdir(join(root, index.appsDir)).catch(() => [] as string[]);
  const files = (
    await Promise.all(
      namespaces.map(async (ns) => {
        const apps = await readdir(join(root, index.appsDir, ns)).catch(() => [] as string[]);
        return apps.map((app) => join(root, index.appsDir, ns, app, 'app', 'ocirepository.yaml'));
      }),
    )
  ).flat();
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8').catch(() => '')));
  for (const text of texts) {
    if (!text.includes(url)) continue;
    for (const doc of text.split(/^---$/m)) {
      if (!doc.includes(url)) continue;
      const tag = tagOf(doc, url);
      if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [tag, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && tag > best)) best = tag;
  return best;
}

function tagOf(doc: string, url: string): string | undefined {
  try {
    const data = parse(doc) as { kind?: string; spec?: { url?: string; ref?: { tag?: unknown } } } | null;
    if (data?.kind !== 'OCIRepository' || data.spec?.url !== url) return undefined;
    const tag = data.spec.ref?.tag;
    return tag === undefined || tag === null ? undefined : String(tag);
  } catch {
    return undefined;
  }
}
