import { mapEntry, type Node } from './tree.ts';

/**
 * What the learner needs to know about one kind of file (a file role: the Flux entry
 * Kustomization, a HelmRelease, an app kustomization.yaml, ...) to merge a new app's document
 * with its siblings'. Paths are lists of keys; `<name>` stands for a slot (a key each repo names
 * its own way, matched between the template and the siblings), `[]` for every item of a sequence.
 *
 * The template rendered for the new app is its document where there are no siblings. Where there
 * are, the siblings decide, by majority, every key and value the inputs do not (see merge.ts).
 */
export interface Role {
  /** Paths the inputs decide: always written, with the template's value, in the siblings' style. */
  core?: readonly string[];
  /**
   * Features that shape a subtree only where the siblings have its parent (an HTTP or TCP probe,
   * where the siblings' probes have a spec): they never make the parent appear.
   */
  softFeatures?: readonly string[];
  /** Paths whose value the inputs decide when the path is written at all (a probe's HTTP path). */
  inputValues?: readonly string[];
  /** Template paths written only where siblings write them (absent when there are none). */
  optional?: readonly string[];
  /**
   * Subtrees that exist with a feature of the app (a route, storage, a secret): written exactly
   * when the app has it, shaped like the siblings that have it.
   */
  features?: Readonly<Record<string, string>>;
  /**
   * Paths that are learned only from siblings alike in these features (`strategy` <- storage);
   * `x.*` names the keys of x and not x itself.
   */
  alike?: Readonly<Record<string, readonly string[]>>;
  /**
   * Features that narrow the siblings only where `alike` names them (a route's external-ness, a
   * detail of the route feature): elsewhere they are no pattern of their own.
   */
  scopedFeatures?: readonly string[];
  /** Keys each repo names its own way, by the path of their map: `<slot>` and how to tell it. */
  slots?: Readonly<Record<string, readonly Slot[]>>;
  /** What makes the merged document valid where counting key by key can break it (a probe's handler). */
  repair?: (root: Node, template: Node) => Node;
  /**
   * A key every sibling has is written even where they are fewer than the quorum: a file each
   * app folder has (a files generator's config), whose one or two siblings that agree are the
   * convention, not a chance.
   */
  unanimous?: boolean;
}

export interface Slot {
  /** `<claim>`: the name the slot goes by in paths. */
  name: string;
  /** Which of the map's entries is this slot (absent: the entry keyed `key`, or the map's only one). */
  match?: (value: Node) => boolean;
  /** The slot's usual key, abstract (`⟪app⟫` for a controller named after its app). */
  key?: string;
}

export type FeatureSet = Readonly<Record<string, boolean>>;

/** `spec.values.route.<route>` -> ['spec', 'values', 'route', '<route>']. */
export const pathOf = (text: string): string[] => (text === '' ? [] : text.split('.'));

export const pathText = (path: readonly string[]): string => path.join('.');

/** A role's patterns, parsed once. */
export interface CompiledRole {
  core: Set<string>;
  inputValues: Set<string>;
  optional: Set<string>;
  softFeatures: Set<string>;
  features: Map<string, string>;
  alike: Map<string, readonly string[]>;
  scopedFeatures: Set<string>;
  slots: Map<string, readonly Slot[]>;
  repair: ((root: Node, template: Node) => Node) | undefined;
  unanimous: boolean;
}

export function compileRole(role: Role): CompiledRole {
  return {
    core: new Set(role.core ?? []),
    inputValues: new Set(role.inputValues ?? []),
    optional: new Set(role.optional ?? []),
    softFeatures: new Set(role.softFeatures ?? []),
    features: new Map(Object.entries(role.features ?? {})),
    alike: new Map(Object.entries(role.alike ?? {})),
    scopedFeatures: new Set(role.scopedFeatures ?? []),
    slots: new Map(Object.entries(role.slots ?? {})),
    repair: role.repair,
    unanimous: role.unanimous === true,
  };
}

/** Whether a path is, or lies under, one of these paths. */
export function under(path: string, roots: Iterable<string>): boolean {
  for (const root of roots) if (path === root || path.startsWith(`${root}.`)) return true;
  return false;
}

/** A slot's match: a mapping that has one of these keys. */
export const hasKey =
  (...keys: string[]) =>
  (node: Node): boolean =>
    keys.some((k) => mapEntry(node, k) !== undefined);

/** A slot's match: a mapping whose `type` is this (an emptyDir, a persistentVolumeClaim). */
export const isType =
  (type: string) =>
  (node: Node): boolean => {
    const t = mapEntry(node, 'type');
    return t?.kind === 'scalar' && t.value === type;
  };
