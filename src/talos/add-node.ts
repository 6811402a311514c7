/**
 * Adds a Talos node to a talhelper talconfig.yaml: checks the inputs against the file, builds the
 * entry in the shape of the existing nodes and splices it in, keeping every other byte.
 */
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { HomeopsError, HomeopsErrors } from '../errors.ts';
import { buildNodeEntry } from './node-entry.ts';
import { checkNodeInput } from './node-input.ts';
import type { CheckedNodeInput, NodeInput } from './node-input.ts';
import { renderEmptyPatch } from './patches/render.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';
import { editYaml } from '../yaml/edit/edit-yaml.ts';

export interface AddNodeOptions {
  /**
   * The text `doc` was parsed from. With it, the result keeps every byte of it; without it the
   * document is re-rendered first (yaml's round trip may respace comments and flow lists).
   */
  source?: string;
}

export interface PatchFile {
  /** Relative to the talconfig.yaml folder (the `@./` of the ref removed). */
  path: string;
  content: string;
}

export interface AddNodeResult {
  /** The edited talconfig, parsed again from `text`. The input document is left unchanged. */
  doc: Document.Parsed;
  text: string;
  /** False when the edit could not be spliced and the whole file was re-rendered. */
  exact: boolean;
  /** The checked, normalized inputs (lower-case MAC, disk choice...). */
  input: CheckedNodeInput;
  warnings: string[];
  /** The new node's own patch folder, when the other nodes have one: files to create. */
  patchFolder?: { dir: string; refs: string[]; files: PatchFile[] };
}

/** `@./patches/k8s-3/x.yaml` -> `patches/k8s-3/x.yaml` */
const refPath = (ref: string): string => ref.replace(/^@/, '').replace(/^\.\//, '');

/**
 * Throws the refusal (one HomeopsError, or HomeopsErrors when several inputs are refused);
 * nothing is returned or changed then.
 */
export function addNode(
  doc: Document.Parsed,
  facts: TalconfigFacts,
  input: NodeInput,
  options: AddNodeOptions = {},
): AddNodeResult {
  const checked = checkNodeInput(facts, input);
  if ('errors' in checked)
    throw checked.errors.length === 1 && checked.errors[0]
      ? checked.errors[0]
      : new HomeopsErrors(checked.errors);
  const value = checked.value;

  const source = options.source ?? doc.toString({ lineWidth: 0 });
  const base = options.source === undefined ? parseDocument(source) : doc;
  const entry = buildNodeEntry(base, facts, value);
  const hasNodes = base.has('nodes');
  const edited = editYaml(
    source,
    'talconfig.yaml',
    hasNodes
      ? [{ kind: 'item', path: ['nodes'], value: entry.node }]
      : [{ kind: 'key', path: [], key: 'nodes', value: base.createNode([entry.node]) }],
    { rerender: true },
  );
  const edit = { ...edited, doc: parseDocument(edited.text) };
  if (edit.doc.errors.length > 0) {
    throw new HomeopsError(
      'YAML',
      `adding ${value.hostname} produced invalid YAML: ${edit.doc.errors.map((e) => e.message).join('; ')}`,
      {
        fix: 'report this as a bug, with the talconfig.yaml',
      },
    );
  }

  const warnings = [...entry.warnings];
  if (!edit.exact)
    warnings.push(
      'talconfig.yaml had to be re-rendered: check the diff for whitespace and comment changes',
    );
  if (facts.unresolved.length > 0) {
    const names = facts.unresolved.map((n) => `\${${n}}`).join(', ');
    warnings.push(
      `${names} had no value, so the new node was not checked against them (pass talenv.yaml / clusterenv.yaml values)`,
    );
  }
  const controlPlanes =
    facts.nodes.filter((n) => n.controlPlane).length + (value.role === 'controlplane' ? 1 : 0);
  if (value.role === 'controlplane' && controlPlanes % 2 === 0) {
    warnings.push(
      `the cluster will have ${controlPlanes} control planes: etcd tolerates no more failures with ${controlPlanes} members than with ${controlPlanes - 1}; use an odd number`,
    );
  }

  const result: AddNodeResult = {
    doc: edit.doc,
    text: edit.text,
    exact: edit.exact,
    input: value,
    warnings,
  };
  if (entry.nodePatchRefs.length > 0) {
    const files = entry.nodePatchRefs.map((ref, i) => {
      const source = entry.patchSource;
      const sourceRef = source?.nodePatchRefs[i];
      return {
        path: refPath(ref),
        content: renderEmptyPatch(
          `Patch for node ${value.hostname} only (strategic merge).` +
            (source && sourceRef !== undefined
              ? `\nSee ${refPath(sourceRef)} for what ${source.hostname} sets here.`
              : ''),
        ),
      };
    });
    const dir = refPath(entry.nodePatchRefs[0] ?? '')
      .split('/')
      .slice(0, -1)
      .join('/');
    result.patchFolder = { dir, refs: entry.nodePatchRefs, files };
  }
  return result;
}
