/** The sample talconfigs of test/talos/samples, read once. */
import { readFileSync } from 'node:fs';

export const sample = (name: string): string =>
  readFileSync(new URL(`./samples/${name}`, import.meta.url), 'utf8');

export const CT = {
  talconfig: sample('cluster-template.talconfig.yaml'),
  talenv: sample('cluster-template.talenv.yaml'),
};

export const TOOL = {
  talconfig: sample('clustertool.talconfig.yaml'),
  clusterenv: sample('clustertool.clusterenv.yaml'),
};

/** `source` with `block` inserted right after the (unique) line `afterLine`. */
export function insertedAfter(source: string, afterLine: string, block: string): string {
  const at = source.indexOf(`${afterLine}\n`);
  if (at < 0 || source.indexOf(`${afterLine}\n`, at + 1) >= 0)
    throw new Error(`line not found once: ${afterLine}`);
  const end = at + afterLine.length + 1;
  return source.slice(0, end) + block + source.slice(end);
}
