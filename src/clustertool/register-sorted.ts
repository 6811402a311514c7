import { insertSorted, type InsertResult } from '../yaml/insert-sorted.ts';
import { yamlScalar } from '../yaml/scalar.ts';

/** `  - ./plex/ks.yaml` or a disabled `  # - ./sonarr/ks.yaml`. */
const ENTRY = /^( *)(# *)?- (\S+)\s*$/;

/**
 * Register `./<app>/ks.yaml` in a layer's kustomization.yaml in sorted place, counting the entries
 * that are commented out (disabled apps) as places too, so that `./whoami/ks.yaml` goes after
 * `# - ./sonarr/ks.yaml`. The comments and every other byte stay. Other shapes (an empty or flow
 * list, no list) go through insertSorted.
 */
export function registerSorted(text: string, file: string, entry: string): InsertResult {
  const plain = insertSorted(text, file, 'resources', entry, (item) => item.endsWith('/ks.yaml'));
  if (!plain.changed) return plain;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^resources:\s*$/.test(l));
  if (start < 0) return plain;
  const places: { at: number; indent: string; path: string }[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (!/^ *(-|#)/.test(line)) break; // the next top-level key ends the list
    const m = ENTRY.exec(line);
    if (m && m[3]!.endsWith('/ks.yaml')) places.push({ at: i, indent: m[1]!, path: m[3]! });
  }
  if (!places.some((p) => lines[p.at]!.includes('#'))) return plain;
  const next = places.find((p) => p.path > entry);
  const indent = (next ?? places[places.length - 1]!).indent;
  const at = next ? next.at : places[places.length - 1]!.at + 1;
  lines.splice(at, 0, `${indent}- ${yamlScalar(entry)}`);
  return { text: lines.join('\n'), changed: true };
}
