import { isMap, isScalar } from 'yaml';
import type { RepoTree } from '../tree/repo-tree.ts';
import { parseYaml } from '../yaml/parse-yaml.ts';
import { CLUSTERENV } from './repo-index.ts';
import { captured } from '../captured.ts';

/**
 * The variable names of clusterenv.yaml. The file is SOPS-encrypted: its keys are plain text,
 * its values are not; only the keys are read, and homeops never writes the file.
 */
export function clusterenvKeys(tree: RepoTree): string[] {
  const text = tree.read(CLUSTERENV);
  if (text === undefined) return [];
  try {
    const doc = parseYaml(text, CLUSTERENV);
    if (!isMap(doc.contents)) return [];
    return doc.contents.items
      .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''))
      .filter((k) => k !== '' && k !== 'sops');
  } catch {
    return [];
  }
}

/** The `${VARIABLE}` names a text uses, in order of first use. */
export function variablesIn(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => captured(m, 1))),
  ];
}

/** `my-app` -> `MY_APP_IP`: the clusterenv.yaml variable of an app's load-balancer address. */
export const ipVariable = (app: string): string => `${app.toUpperCase().replaceAll('-', '_')}_IP`;

/** The next step that adds variables to the encrypted clusterenv.yaml, by hand, through sops. */
export function clusterenvStep(
  missing: readonly string[],
  examples: Record<string, string> = {},
): string {
  const lines = missing.map((v) => `${v}: ${examples[v] ?? '<value>'}`).join(', ');
  return `add to ${CLUSTERENV} (SOPS-encrypted; homeops never writes it): sops ${CLUSTERENV}, then add ${lines}`;
}
