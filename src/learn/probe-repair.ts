import { mapEntry, type MapNode, type Node } from './tree.ts';
import {
  anchors,
  editKey,
  editPath,
  editValues,
  mapValues,
  PROBE_HANDLERS,
  withoutKey,
} from './tree-edit.ts';

/**
 * app-template probes learned from siblings, made to say what this app can answer. A custom HTTP
 * probe checks the app's own health path, never a sibling's (`/ping` of one, `/status` of
 * another); without one it becomes the chart's default probe (TCP on the port) with the siblings'
 * timings. A probe that is not custom keeps no handler: the chart would ignore it. `template` is
 * the new app's own document, which holds the inputs (its health path and port). `base` is where
 * the chart values are (`spec.values` in a HelmRelease, the root of a values file).
 */
export function repairAppTemplateProbes(base: readonly string[]) {
  return (root: Node, template: Node): Node => {
    const httpGet = healthCheckOf(template, base);
    return editPath(root, [...base, 'controllers'], (controllers) =>
      editValues(controllers, (controller) =>
        editKey(controller, 'containers', (containers) =>
          editValues(containers, (container) =>
            editKey(container, 'probes', (probes) => {
              // where no probe checks HTTP the chart reads (a custom one), one the app asks for is made so
              const checked = mapValues(probes).some(
                (p) => isCustom(p) && mapEntry(mapEntry(p, 'spec'), 'httpGet') !== undefined,
              );
              return editValues(probes, (probe) => repairProbe(probe, httpGet, !checked));
            }),
          ),
        ),
      ),
    );
  };
}

/** The HTTP check the inputs ask for (the template's probe's `httpGet`), if any. */
function healthCheckOf(template: Node, base: readonly string[]): Node | undefined {
  let controllers: Node | undefined = template;
  for (const key of [...base, 'controllers']) controllers = mapEntry(controllers, key);
  for (const controller of mapValues(controllers))
    for (const container of mapValues(mapEntry(controller, 'containers')))
      for (const probe of mapValues(mapEntry(container, 'probes'))) {
        const httpGet = mapEntry(mapEntry(probe, 'spec'), 'httpGet');
        if (httpGet) return httpGet;
      }
  return undefined;
}

const isCustom = (probe: Node): boolean => {
  const custom = mapEntry(probe, 'custom');
  return custom?.kind === 'scalar' && custom.value === true;
};

function repairProbe(probe: MapNode, httpGet: Node | undefined, makeCustom = false): MapNode {
  const spec = mapEntry(probe, 'spec');
  if (spec?.kind !== 'map') return probe;
  const handler = spec.entries.find((e) => PROBE_HANDLERS.includes(e.key))?.key;
  const setSpec = (next: MapNode) => editKey(probe, 'spec', () => next);
  const own = handler && mapEntry(spec, handler);
  const custom = isCustom(probe);
  // a custom probe left with no check (the siblings' httpGet was theirs): the chart's default
  // probe, with these timings; Kubernetes refuses a probe that checks nothing
  if (!own) return custom ? withoutKey(probe, 'custom') : probe;
  // the app asks for an HTTP check and the probe has one: the chart reads it only when custom
  if (!custom && makeCustom && handler === 'httpGet' && httpGet?.kind === 'map')
    return repairProbe(madeCustom(probe), httpGet);
  // a handler that anchors a value other nodes refer to (`port: &port 80`) stays
  if (anchors(own)) return probe;
  if (!custom) return setSpec(withoutKey(spec, handler));
  if (handler !== 'httpGet' || own.kind !== 'map') return probe;
  if (httpGet?.kind === 'map')
    return setSpec(editKey(spec, 'httpGet', () => checking(own, httpGet)));
  // no health path to check: the chart's default probe, with these timings
  return editKey(withoutKey(probe, 'custom'), 'spec', () => withoutKey(spec, 'httpGet'));
}

/** `custom: true` before the probe's spec, as app-template's custom probes are written. */
function madeCustom(probe: MapNode): MapNode {
  const entry = {
    key: 'custom',
    keyStyle: 'PLAIN' as const,
    value: { kind: 'scalar' as const, value: true, style: 'PLAIN' as const },
  };
  const entries = probe.entries.filter((e) => e.key !== 'custom');
  const at = entries.findIndex((e) => e.key === 'spec');
  return { ...probe, entries: [...entries.slice(0, at), entry, ...entries.slice(at)] };
}

/**
 * A sibling's HTTP check made the app's: its path, and its port where the sibling's is a number
 * of its own (an alias of the app's port, `*port`, or a port's name stays) or missing.
 */
function checking(theirs: MapNode, ours: MapNode): MapNode {
  const path = mapEntry(ours, 'path');
  let out = path ? editKey(theirs, 'path', () => path) : theirs;
  const port = ours.entries.find((e) => e.key === 'port');
  const own = mapEntry(out, 'port');
  if (port && own?.kind === 'scalar' && typeof own.value === 'number')
    out = editKey(out, 'port', () => port.value);
  if (!own && port) out = { ...out, entries: [...out.entries, port] };
  if (!mapEntry(out, 'path') && path)
    out = { ...out, entries: [{ key: 'path', keyStyle: 'PLAIN', value: path }, ...out.entries] };
  return out;
}
