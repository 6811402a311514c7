import { parseDocument } from 'yaml';
import { HomeopsError } from '../errors.ts';
import { addItem } from '../yaml/edit/edit-yaml.ts';
import { yamlScalar } from '../yaml/scalar.ts';
import { dig, sourcesOf } from './apps-index.ts';

export type K8sSync = 'already' | 'added-source' | 'source-to-sources';

/**
 * Make an Application sync its app's `k8s/` folder, editing only what that takes: nothing when a
 * source already has that path; a new item in `sources`; or, for a chart-only Application, its
 * `source:` block turned into the first item of `sources:` (re-indented, every comment and value
 * kept) followed by the Git source. Returns the new text and what was done.
 */
export function syncK8sFolder(
  text: string,
  file: string,
  gitRepoURL: string,
  k8sPath: string,
): { text: string; did: K8sSync } {
  const doc = parseDocument(text);
  const data = doc.toJS() as Record<string, unknown>;
  const sources = sourcesOf(data);
  if (sources.some((s) => String(s.path ?? '').replace(/\/$/, '') === k8sPath))
    return { text, did: 'already' };
  const gitSource = { repoURL: gitRepoURL, targetRevision: 'HEAD', path: k8sPath };
  const byHand = (why: string) =>
    new HomeopsError('CONFLICT', `${file} does not sync ${k8sPath}/ and ${why}`, {
      file,
      fix: `add a source {repoURL: ${gitRepoURL}, targetRevision: HEAD, path: ${k8sPath}} to it by hand, then run this again`,
    });
  if (Array.isArray(dig(data, 'spec', 'sources'))) {
    const edited = addItem(text, file, ['spec', 'sources'], doc.createNode(gitSource), 'end', {
      rerender: true,
    });
    if (!edited.exact)
      throw byHand('its sources list is laid out in a way homeops cannot extend byte for byte');
    return { text: edited.text, did: 'added-source' };
  }
  const source = dig(data, 'spec', 'source') as Record<string, unknown> | undefined;
  if (!source || typeof source.chart !== 'string')
    throw byHand(`its source is ${source ? `the Git path ${String(source.path)}` : 'missing'}`);
  const converted = sourceToSources(text, gitSource);
  if (converted === undefined || !sameData(converted, expectedSources(data, gitSource)))
    throw byHand('its source block is laid out in a way homeops cannot convert byte for byte');
  return { text: converted, did: 'source-to-sources' };
}

/** The Application data with `spec.source` replaced, in place, by `spec.sources: [source, git]`. */
function expectedSources(data: Record<string, unknown>, git: object): unknown {
  const spec = data.spec as Record<string, unknown>;
  const renamed = Object.fromEntries(
    Object.entries(spec).map(([k, v]) => (k === 'source' ? ['sources', [v, git]] : [k, v])),
  );
  return { ...data, spec: renamed };
}

const sameData = (text: string, expected: unknown): boolean => {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && JSON.stringify(doc.toJS()) === JSON.stringify(expected);
};

/** Text surgery on a block `source:` mapping directly under `spec:`; undefined when it is not one. */
function sourceToSources(
  text: string,
  git: { repoURL: string; targetRevision: string; path: string },
): string | undefined {
  const lines = text.split('\n');
  const specAt = lines.findIndex((l) => /^spec:\s*(#.*)?$/.test(l));
  const at = lines.findIndex((l, i) => i > specAt && /^ +source:\s*(#.*)?$/.test(l));
  if (specAt === -1 || at === -1) return undefined;
  const indent = lines[at]!.length - lines[at]!.trimStart().length;
  let end = at + 1;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (line.length - line.trimStart().length <= indent) break;
    end = i + 1;
  }
  const body = lines.slice(at + 1, end);
  const first = body.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (first === -1 || body[first]!.length - body[first]!.trimStart().length !== indent + 2)
    return undefined;
  const item = ' '.repeat(indent + 2);
  const moved = body.map((l, i) =>
    l.trim() === '' ? l : i === first ? `${item}- ${l.slice(indent + 2)}` : `  ${l}`,
  );
  const added = [
    `${item}- repoURL: ${yamlScalar(git.repoURL)}`,
    `${item}  targetRevision: ${git.targetRevision}`,
    `${item}  path: ${yamlScalar(git.path)}`,
  ];
  const key = lines[at]!.replace('source:', 'sources:');
  return [...lines.slice(0, at), key, ...moved, ...added, ...lines.slice(end)].join('\n');
}
