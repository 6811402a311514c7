import { parseAllDocuments } from 'yaml';

/** [url, tag] of every OCIRepository in a YAML file, through the full parser. */
export function ociRepositoryTags(text: string): [string, string][] {
  const found: [string, string][] = [];
  for (const doc of parseAllDocuments(text) as unknown as {
    toJS(): unknown;
    errors: unknown[];
  }[]) {
    if (doc.errors.length) continue;
    const data = doc.toJS() as {
      kind?: string;
      spec?: { url?: unknown; ref?: { tag?: unknown } };
    } | null;
    const tag = data?.spec?.ref?.tag;
    if (
      data?.kind === 'OCIRepository' &&
      typeof data.spec?.url === 'string' &&
      tag !== undefined &&
      tag !== null &&
      typeof tag !== 'object'
    )
      found.push([data.spec.url, String(tag)]);
  }
  return found;
}
