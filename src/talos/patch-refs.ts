/**
 * Wires a patch file into a talconfig.yaml: `"@./patches/..."` in the top-level, controlPlane,
 * worker or one node's `patches` list. Idempotent; every other byte is kept.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { Document } from 'yaml';
import { HomeopsError } from '../errors.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';
import { patchRefPlace } from './patch-ref-place.ts';
import { scalarText } from './talconfig-node.ts';
import { resolveOrKeep } from './vars.ts';
import type { Vars } from './vars.ts';
import { editYaml } from '../yaml/edit/edit-yaml.ts';
import type { YamlEdit } from '../yaml/edit/edit-types.ts';

export type PatchTarget =
  | { scope: 'global' }
  | { scope: 'controlPlane' }
  | { scope: 'worker' }
  | { scope: 'node'; hostname: string };

export interface AddPatchRefResult {
  doc: Document.Parsed;
  text: string;
  exact: boolean;
  /** False when the ref was already there: nothing changed (text is the source). */
  added: boolean;
  /** What happened, for the summary: `added "@./x.yaml" to controlPlane.patches`. */
  message: string;
}

/** `global`/`all`, `controlplane`, `worker`, or a node's hostname (checked against facts when given). */
export function parsePatchTarget(text: string, facts?: TalconfigFacts): PatchTarget {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (['global', 'all'].includes(lower)) return { scope: 'global' };
  if (['controlplane', 'control-plane', 'controller', 'controlplanes'].includes(lower))
    return { scope: 'controlPlane' };
  if (['worker', 'workers'].includes(lower)) return { scope: 'worker' };
  if (facts && !facts.nodes.some((n) => n.hostname === t || n.hostnameResolved === t)) {
    const names = ['all', 'controlplane', 'worker', ...facts.nodes.map((n) => n.hostnameResolved)];
    throw new HomeopsError('INVALID_INPUT', `"${t}" is not one of ${names.join(', ')}`, {
      field: 'target',
      fix: `pass one of: ${names.join(', ')} (global, control-plane and workers also do)`,
    });
  }
  return { scope: 'node', hostname: t };
}

/** `@./patches/x.yaml` -> `patches/x.yaml` (relative to the talconfig.yaml folder). */
export const refToPath = (ref: string): string => ref.replace(/^@/, '').replace(/^\.\//, '');
const toRef = (ref: string): string => (ref.startsWith('@') ? ref : `@./${refToPath(ref)}`);
const dirOf = (ref: string): string => ref.split('/').slice(0, -1).join('/');

const FOLDERS = { global: 'global', controlPlane: 'controller', worker: 'worker' } as const;

/**
 * Where a new patch file for `target` goes, as a ref: next to the refs the scope already has,
 * else in a scope folder (`@./patches/global/`) when the file uses them, else beside the others.
 * In a folder shared by all scopes (flat `patches/`), a control-plane or worker file is named
 * `<name>-controlplane.yaml` / `<name>-worker.yaml`, so the same patch can go to both.
 */
export function suggestPatchRef(
  facts: TalconfigFacts,
  target: PatchTarget,
  fileName: string,
): string {
  const ref = folderRef(facts, target, fileName);
  if (target.scope !== 'controlPlane' && target.scope !== 'worker') return ref;
  const folder = dirOf(ref).split('/').at(-1) ?? '';
  if ((SCOPE_FOLDERS[target.scope] as readonly string[]).includes(folder)) return ref;
  return ref.replace(
    /(\.ya?ml)?$/,
    `-${target.scope === 'controlPlane' ? 'controlplane' : 'worker'}$1`,
  );
}

/** Folder names that hold one scope's patches alone. */
const SCOPE_FOLDERS = {
  controlPlane: ['controller', 'controlplane', 'control-plane', 'controlplanes'],
  worker: ['worker', 'workers'],
} as const;

function folderRef(facts: TalconfigFacts, target: PatchTarget, fileName: string): string {
  const node =
    target.scope === 'node'
      ? facts.nodes.find(
          (n) => n.hostname === target.hostname || n.hostnameResolved === target.hostname,
        )
      : undefined;
  const own =
    target.scope === 'node'
      ? (node?.nodePatchRefs ?? [])
      : facts.patchRefs[target.scope].filter((r) => r.startsWith('@'));
  const dirs = [...new Set(own.map(dirOf))];
  if (dirs.length === 1) return `${dirs[0]}/${fileName}`;
  const all = [
    ...facts.patchRefs.global,
    ...facts.patchRefs.controlPlane,
    ...facts.patchRefs.worker,
    ...facts.nodes.flatMap((n) => n.patches),
  ].filter((r) => r.startsWith('@'));
  const folder = target.scope === 'node' ? target.hostname : FOLDERS[target.scope];
  const flat =
    all.length > 0 &&
    !facts.perNodePatches &&
    !all.some((r) => /\/(global|controller|worker)\/[^/]+$/.test(r));
  const [first] = all;
  if (flat && first !== undefined) return `${dirOf(first)}/${fileName}`;
  return `@./patches/${folder}/${fileName}`;
}

function listPath(doc: Document, target: PatchTarget, vars: Vars): (string | number)[] {
  if (target.scope === 'global') return ['patches'];
  if (target.scope !== 'node') return [target.scope, 'patches'];
  const nodes = doc.get('nodes', true);
  const index = isSeq(nodes)
    ? nodes.items.findIndex((n) => {
        const h = scalarText(isMap(n) ? n.get('hostname', true) : undefined);
        return (
          h !== undefined && (h === target.hostname || resolveOrKeep(h, vars) === target.hostname)
        );
      })
    : -1;
  if (index < 0)
    throw new HomeopsError('INVALID_INPUT', `no node "${target.hostname}" in talconfig.yaml`, {
      field: 'target',
      fix: 'give the hostname of an existing node',
    });
  return ['nodes', index, 'patches'];
}

export function addPatchRef(
  doc: Document.Parsed,
  target: PatchTarget,
  patchRef: string,
  options: { source?: string; vars?: Vars } = {},
): AddPatchRefResult {
  const ref = toRef(patchRef.trim());
  if (refToPath(ref) === '' || /\s/.test(ref)) {
    throw new HomeopsError('INVALID_INPUT', `"${patchRef}" is not a patch file reference`, {
      field: 'patch',
      fix: 'give a path like @./patches/global/cilium.yaml',
    });
  }
  const source = options.source ?? doc.toString({ lineWidth: 0 });
  const base = options.source === undefined ? parseDocument(source) : doc;
  const path = listPath(base, target, options.vars ?? {});
  const where = path
    .map((p, i) =>
      typeof p === 'number'
        ? `[${target.scope === 'node' ? target.hostname : p}]`
        : i > 0
          ? `.${p}`
          : p,
    )
    .join('');
  const list = base.getIn(path, true);
  const existing = isSeq(list)
    ? list.items.map((i) => scalarText(i)).filter((s): s is string => s !== undefined)
    : [];
  if (existing.some((e) => refToPath(e) === refToPath(ref))) {
    return {
      doc: base,
      text: source,
      exact: true,
      added: false,
      message: `"${ref}" is already in ${where}`,
    };
  }
  const value = new Scalar(ref);
  const like = isSeq(list) ? list.items[0] : undefined;
  value.type = isScalar(like) && like.type === 'QUOTE_SINGLE' ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
  const parentPath = path.slice(0, -1);
  let addition: YamlEdit;
  // `patches: []` stays a flow list: a ref is one short string
  if (isSeq(list))
    addition = {
      kind: 'item',
      path,
      value,
      place: patchRefPlace(existing, ref),
      emptyFlow: 'flow',
    };
  else if (parentPath.length === 0 || isMap(base.getIn(parentPath, true)))
    addition = { kind: 'key', path: parentPath, key: 'patches', value: base.createNode([value]) };
  else
    addition = {
      kind: 'key',
      path: [],
      key: String(parentPath[0]),
      value: base.createNode({ patches: [value] }),
    };
  const edited = editYaml(source, 'talconfig.yaml', [addition], { rerender: true });
  const edit = { ...edited, doc: parseDocument(edited.text) };
  const text =
    addition.kind === 'key' && addition.path.length === 0
      ? spacedLikeOthers(source, edit.text, addition.key)
      : edit.text;
  return { ...edit, text, added: true, message: `added "${ref}" to ${where}` };
}

/**
 * A new top-level key, appended last, gets a blank line before it when the file's other top-level
 * sections have one (`patches:`, `controlPlane:` ... each after an empty line). Sections are the
 * keys that open a block; the one-line settings at the top (`clusterName: home`) are not counted.
 */
function spacedLikeOthers(source: string, text: string, key: string): string {
  const first = /^[A-Za-z][\w-]*:/m.exec(source)?.index;
  const sections = [
    ...source.matchAll(/^([A-Za-z][\w-]*):[ \t]*(?:&[^\s#]+[ \t]*)?(?:#[^\n]*)?$/gm),
  ].filter((m) => m.index !== first);
  const spaced = sections.filter((m) =>
    /\n\s*\n(?:#[^\n]*\n)*$/.test(source.slice(0, m.index)),
  ).length;
  const at = text.lastIndexOf(`\n${key}:`);
  if (
    sections.length === 0 ||
    spaced * 2 < sections.length ||
    at < 0 ||
    text.slice(0, at).endsWith('\n')
  )
    return text;
  return `${text.slice(0, at + 1)}\n${text.slice(at + 1)}`;
}
