import type { ClusterInfo, EngineInfo, InfoModel, TalosInfo } from './info-model.ts';
import { placesInWords } from '../talos/places-in-words.ts';

const SHOWN_APPS = 40;
const label = (name: string) => name.padEnd(11);
const indent = (lines: string[], by = '  ') => lines.map((l) => `${by}${l}`);

function names(list: readonly string[], max = SHOWN_APPS): string {
  if (list.length <= max) return list.join(', ');
  return `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

function clusterLines(c: ClusterInfo, several: boolean): string[] {
  const roots = c.roots.map(
    (r) => `${r.kind} ${r.name} (${r.file})${r.paths.length ? ` reads ${r.paths.join(', ')}` : ''}`,
  );
  const groups = c.groups.map(
    (g) =>
      `${g.name}${g.namespace && g.namespace !== g.name ? ` (namespace ${g.namespace})` : ''} ${g.dir}/: ${g.apps.length} app${g.apps.length === 1 ? '' : 's'}${g.apps.length ? `: ${names(g.apps)}` : ''}`,
  );
  return [
    ...(several ? [`cluster ${c.name ?? '(unnamed)'}`] : []),
    ...indent(
      [`deployed by: ${roots.join('; ') || 'nothing found'}`, ...groups],
      several ? '  ' : '',
    ),
  ];
}

function engineLines(e: EngineInfo): string[] {
  const out = [`${label('Shape')}${e.shape}${e.layout ? ` [layout ${e.layout}]` : ''}`];
  const several = e.clusters.length > 1;
  out.push(
    `${label('Clusters')}${several ? e.clusters.map((c) => c.name).join(', ') : 'one'}`,
    ...indent(e.clusters.flatMap((c) => clusterLines(c, several))),
  );
  const a = e.apps;
  if (a) {
    out.push(`${label('Apps')}${a.count} app${a.count === 1 ? '' : 's'}`);
    const details: string[] = [];
    if (a.appDir) details.push(`app folder: ${a.appDir}`);
    if (a.entryFile) details.push(`entry file: ${a.entryFile}`);
    const r = a.registration;
    if (r.how === 'list')
      details.push(
        `registered: the line ${r.line} in ${r.file ?? 'its group kustomization'}${r.order ? `, ${r.order === 'sorted' ? 'in sorted place' : 'after the last app (the list is not sorted)'}` : ''}`,
      );
    else
      details.push(
        `registered: nothing to list${r.pickedUpBy ? `; picked up by ${r.pickedUpBy}` : ''}`,
      );
    const files = Object.entries(a.files).filter(([role]) => role !== 'entry');
    if (files.length)
      details.push(`files: ${files.map(([role, f]) => `${f} (${role})`).join(', ')}`);
    if (a.chartSource) details.push(`chart from: ${a.chartSource}`);
    out.push(...indent(details));
  }
  if (e.namespaces.length) out.push(`${label('Namespaces')}${names(e.namespaces, 24)}`);
  if (e.chartSources.length)
    out.push(
      'Charts',
      ...indent(
        e.chartSources.map(
          (s) =>
            `${s.kind} ${s.name}${s.namespace ? ` (${s.namespace})` : ''} ${s.url}${s.version ? ` ${s.version}` : ''} [${s.where}, ${s.file}]`,
        ),
      ),
    );
  const g = e.gateways;
  const WAYS_IN = {
    gateway: '',
    'ingress-class': 'ingress classes: ',
    'entry-points': 'Traefik entry points: ',
  };
  const gw = (x: typeof g.internal) =>
    x
      ? `${x.name}${x.namespace ? ` in ${x.namespace}` : ''}${x.sectionName ? ` (listener ${x.sectionName})` : ''}`
      : 'none';
  if (g.all.length || g.internal)
    out.push(
      `${label('Gateways')}${e.layout === 'clustertool' ? `ingress classes ${g.all.map((x) => x.name).join(', ')}` : `${WAYS_IN[g.kind]}internal ${gw(g.internal)}; external ${gw(g.external)}`}`,
    );
  if (e.hostname) out.push(`${label('Hostnames')}${e.hostname}`);
  const s = e.storage;
  const storage = [
    s.classes.length
      ? `classes ${s.classes.join(', ')}`
      : 'no StorageClass named (the cluster default)',
    s.claims
      ? `claims ${s.claims === 'values' ? 'in the chart values' : s.claims === 'file' ? 'in a file of the app' : 'from the backup component'}`
      : '',
    s.backupComponent
      ? `backup component ${s.backupComponent.components.join(', ')} (claim ${s.backupComponent.claimName}${s.backupComponent.capacityVar ? `, size in ${s.backupComponent.capacityVar}` : ''})`
      : '',
  ].filter(Boolean);
  out.push(`${label('Storage')}${storage.join('; ')}`);
  const stores = e.secrets.stores.map(
    (st) =>
      `1Password store ${st.name} (${st.provider === 'sdk' ? 'service account' : 'Connect'}, vault${st.vaults.length === 1 ? '' : 's'} ${st.vaults.join(', ') || 'not named'}) in ${st.file}`,
  );
  if (e.secrets.other) stores.push(e.secrets.other);
  out.push(
    `${label('Secrets')}${stores.length ? stores[0] : 'no 1Password store found'}`,
    ...indent(stores.slice(1), ' '.repeat(11)),
  );
  return out;
}

function talosLines(t: TalosInfo): string[] {
  if (t.clusters.length === 0) {
    const where = placesInWords(t.elsewhere, (what, at) => `${what} at ${at}`);
    return [
      `${label('Talos')}${where ? `${where}: homeops does not edit those` : 'none that homeops edits'}`,
      ...(t.message ? indent([t.message], ' '.repeat(11)) : []),
    ];
  }
  return [
    'Talos',
    ...indent(
      t.clusters.flatMap((c) => [
        `cluster ${c.name}: ${c.title} at ${c.where}${c.talosVersion ? `, Talos ${c.talosVersion}` : ''}${c.subnet ? `, network ${c.subnet}` : ''}`,
        ...indent(
          c.nodes.map((n) => `${n.hostname.padEnd(16)} ${(n.ip ?? '-').padEnd(16)} ${n.role}`),
        ),
        ...(c.patches ? indent([`patches: ${c.patches}`]) : []),
      ]),
    ),
  ];
}

/** `homeops info` for a person: the repo, what homeops learned, and the commands to add each thing. */
export function renderText(model: InfoModel): string {
  const lines = [`homeops info: ${model.root}`, ''];
  const engine =
    model.engine === 'both'
      ? 'Flux and Argo CD'
      : model.engine === 'none'
        ? 'none found'
        : model.engine === 'flux'
          ? 'Flux'
          : 'Argo CD';
  lines.push(`${label('Engine')}${engine}`);
  for (const e of model.engines) lines.push(...engineLines(e), '');
  lines.push(...talosLines(model.talos), '');
  if (model.commands.length) {
    lines.push('Add things');
    for (const c of model.commands) lines.push(`  ${c.what}:`, `    ${c.command}`);
    lines.push(
      '  every generator: homeops <generator> --help lists its inputs; --dry-run shows the diff and writes nothing',
      '',
    );
  }
  if (model.notes.length) lines.push('Notes', ...indent(model.notes), '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
