import { isMap, parseDocument } from 'yaml';
import {
  appTemplateContainer,
  wireEnvFrom,
  type ContainerAt,
} from '../../../src/secrets/env-from.ts';
import type { RepoTree } from '../../../src/tree/repo-tree.ts';
import { addKey } from '../../../src/yaml/edit/edit-yaml.ts';

const TRUECHARTS_MAIN = ['spec', 'values', 'workload', 'main', 'podSpec', 'containers', 'main'];

/** TrueCharts values: `workload.main.podSpec.containers.main`. */
const truechartsContainer: ContainerAt = (doc) =>
  isMap(doc.getIn(TRUECHARTS_MAIN, true)) ? TRUECHARTS_MAIN : undefined;

/**
 * Wire the Secret into the app's container in helm-release.yaml: app-template's, or TrueCharts'
 * main container, whose `workload` block is added when the values have none yet.
 */
export function wireClustertoolEnvFrom(
  tree: RepoTree,
  path: string,
  app: string,
  secretName: string,
  truecharts: boolean,
): boolean {
  if (
    wireEnvFrom(tree, path, truecharts ? truechartsContainer : appTemplateContainer(app), [
      secretName,
    ])
  )
    return true;
  const source = tree.read(path);
  if (!truecharts || source === undefined) return false;
  const doc = parseDocument(source);
  if (
    !isMap(doc.getIn(['spec', 'values'], true)) ||
    doc.getIn(['spec', 'values', 'workload'], true) !== undefined
  )
    return false;
  const workload = {
    main: { podSpec: { containers: { main: { envFrom: [{ secretRef: { name: secretName } }] } } } },
  };
  tree.write(
    path,
    addKey(source, path, ['spec', 'values'], 'workload', workload, 'end', { rerender: true }).text,
  );
  return true;
}
