import type { ConventionOverrides } from '../../repo/config.ts';
import type { DocShape, Node } from '../../learn/tree.ts';

/**
 * What `.homeops.yaml` pins wins over what is learned: applied to a new document after it is
 * merged. `schemaHost` moves every schema line to that host (null: no schema lines); `podUser`
 * sets the pod's user, group and fsGroup.
 */
export function applyPins(doc: DocShape, pins: ConventionOverrides): DocShape {
  let header = doc.header;
  const host = pins.schemaHost;
  if (host !== undefined) {
    header = header.flatMap((line) => {
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(line);
      if (!m?.[1]) return [line];
      if (host === null) return [];
      const moved = movedSchema(m[1], host);
      return [moved ? `# yaml-language-server: $schema=${moved}` : line];
    });
  }
  if (pins.podUser !== undefined) setPodUser(doc.root, pins.podUser);
  return { ...doc, header };
}

const APP_TEMPLATE_SCHEMA = /app-template\/schemas\/helmrelease-helm-v2\.schema\.json$/;

/** `https://old/<group>/<kind>.json` on the pinned host; kustomize's own schema stays where it is. */
function movedSchema(url: string, host: string): string | undefined {
  if (APP_TEMPLATE_SCHEMA.test(url)) return `${host}/helm.toolkit.fluxcd.io/helmrelease_v2.json`;
  const m = /\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/([a-z0-9_-]+\.json)$/.exec(url);
  return m ? `${host}/${m[1]}/${m[2]}` : undefined;
}

function setPodUser(node: Node, user: number): void {
  if (node.kind === 'map') {
    for (const e of node.entries) {
      if (['runAsUser', 'runAsGroup', 'fsGroup'].includes(e.key) && e.value.kind === 'scalar')
        e.value = { ...e.value, value: user, style: 'PLAIN' };
      else setPodUser(e.value, user);
    }
  } else if (node.kind === 'seq') node.items.forEach((i) => setPodUser(i, user));
}
