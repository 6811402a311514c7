import { readdirSync, readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { readBlockScalars } from '../yaml/read-block-scalars.ts';

/** How often each chart version is used, by chart URL: `{url: {tag: count}}`. */
export type ChartTagCounts = Record<string, Record<string, number>>;

const WANTED = new Set(['kind', 'spec.ref.tag', 'spec.url']);

/**
 * Count the `spec.ref.tag` of every app's `<appsDir>/<ns>/<app>/app/ocirepository.yaml`, by URL.
 * Plain files go through the fast block reader, anything else through the full parser.
 */
export function scanChartTags(appsDir: string): ChartTagCounts {
  const counts: ChartTagCounts = {};
  for (const file of ociRepositoryFiles(appsDir)) {
    const text = readOptional(file);
    if (text === undefined) continue;
    for (const [url, tag] of tagsOf(text)) {
      const byTag = (counts[url] ??= {});
      byTag[tag] = (byTag[tag] ?? 0) + 1;
    }
  }
  return counts;
}

/** The most used tag (ties: the highest), or undefined. */
export function mostUsed(byTag: Record<string, number> | undefined): string | undefined {
  let best: string | undefined;
  for (const [tag, n] of Object.entries(byTag ?? {})) if (best === undefined || n > byTag![best]! || (n === byTag![best] && tag > best)) best = tag;
  return best;
}

function ociRepositoryFiles(appsDir: string): string[] {
  const files: string[] = [];
  let namespaces;
  try {
    namespaces = readdirSync(appsDir, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const ns of namespaces) {
    if (!ns.isDirectory()) continue;
    for (const app of readdirSync(`${appsDir}/${ns.name}`, { withFileTypes: true })) {
      if (app.isDirectory()) files.push(`${appsDir}/${ns.name}/${app.name}/app/ocirepository.yaml`);
    }
  }
  return files;
}

/** Nearly every app folder has the file: reading and catching the rare miss beats a stat per file. */
function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** [url, tag] of every OCIRepository in a file. */
function tagsOf(text: string): [string, string][] {
  const fast = readBlockScalars(text, WANTED);
  if (fast) {
    const url = fast.get('spec.url');
    const tag = fast.get('spec.ref.tag');
    return fast.get('kind') === 'OCIRepository' && url && tag ? [[url, tag]] : [];
  }
  const found: [string, string][] = [];
  for (const doc of parseAllDocuments(text) as unknown as { toJS(): unknown; errors: unknown[] }[]) {
    if (doc.errors.length) continue;
    const data = doc.toJS() as { kind?: string; spec?: { url?: unknown; ref?: { tag?: unknown } } } | null;
    const tag = data?.spec?.ref?.tag;
    if (data?.kind === 'OCIRepository' && typeof data.spec?.url === 'string' && tag !== undefined && tag !== null) found.push([data.spec.url, String(tag)]);
  }
  return found;
}
