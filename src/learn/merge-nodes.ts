import { majorityOf } from './majority.ts';
import { itemName } from './tree-edit.ts';
import type { FeatureSet, Slot } from './role.ts';
import { fingerprint, type MapEntry, type MapNode, type Node, type SeqNode } from './tree.ts';

// The pieces the merger works with: a sibling's node at a path, and how nodes are matched,
// counted and anchored.

/** A node of an example at some path, with its app's features. */
export interface At<N extends Node = Node> {
  node: N;
  features: FeatureSet;
  local?: boolean;
  /** The nodes its document anchors, by name: what its aliases stand for. */
  anchors?: ReadonlyMap<string, Node>;
}

/** Another node of the same sibling (an item, a key's value): its app's features and anchors go with it. */
export const atNode = <N extends Node>(x: At, node: N): At<N> => ({
  node,
  features: x.features,
  local: x.local,
  anchors: x.anchors,
});

/** Keys a sibling may have that the template does not: taken only when this many siblings agree. */
export const QUORUM = 2;

/**
 * A key the template has is written when at least half the siblings have it; another, by quorum,
 * or where the role says so, when every sibling has it (however few they are).
 */
export function decide(
  population: number,
  having: number,
  known: boolean,
  unanimous = false,
): boolean {
  if (population === 0) return known;
  if (known) return having * 2 >= population;
  if (unanimous && having === population) return true;
  return population >= QUORUM && having * 2 > population;
}

/** A map's entries by canonical key: slots by their `<name>`, other keys as written. */
export function canonical(map: MapNode | undefined, slots: readonly Slot[]): Map<string, MapEntry> {
  const out = new Map<string, MapEntry>();
  if (!map) return out;
  const slotOf = new Map<MapEntry, string>();
  for (const slot of slots) {
    const free = map.entries.filter((e) => !slotOf.has(e));
    const found = slot.match
      ? free.find((e) => slot.match?.(e.value))
      : (free.find((e) => e.key === slot.key) ?? (free.length === 1 ? free[0] : undefined));
    if (found) slotOf.set(found, slot.name);
  }
  // in the map's own order: the order of keys is learned from it
  for (const e of map.entries) {
    const key = slotOf.get(e) ?? e.key;
    if (!out.has(key)) out.set(key, e);
  }
  return out;
}

/** What an alias stands for, without the anchor (the anchored node keeps that), else the alias. */
export function unaliased(
  alias: Node & { kind: 'alias' },
  anchors?: ReadonlyMap<string, Node>,
): Node {
  const node = anchors?.get(alias.name);
  if (!node || node.kind === 'alias') return alias;
  const { anchor: _anchor, ...rest } = node;
  return rest;
}

/** The nodes a document anchors (`&probes`), by name; the first of a name where it repeats. */
export function anchorsOf(root: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  const walk = (node: Node): void => {
    if (node.kind === 'alias') return;
    if (node.anchor !== undefined && !out.has(node.anchor)) out.set(node.anchor, node);
    if (node.kind === 'map') node.entries.forEach((e) => walk(e.value));
    else if (node.kind === 'seq') node.items.forEach(walk);
  };
  walk(root);
  return out;
}

export function anchorOf(t: Node | undefined, s: readonly At[]): string | undefined {
  if (s.length === 0) return t && t.kind !== 'alias' ? t.anchor : undefined;
  const name = majorityOf(s, (x) => (x.node.kind !== 'alias' ? (x.node.anchor ?? '') : ''), true);
  return name || undefined;
}

export function withAnchor<N extends Exclude<Node, { kind: 'alias' }>>(
  node: N,
  anchor: string | undefined,
): N {
  const { anchor: _a, ...rest } = node;
  return (anchor ? { ...rest, anchor } : rest) as N;
}

/**
 * The siblings' items a template item is learned from. A named item (a volume, a port) learns
 * from the siblings' items of its name: the `tmp` emptyDir not from their claims. Without one, a
 * list of one item learns from the siblings' only items (a container, whatever its name); else
 * from none, and is written as the template has it.
 */
export function itemPool(
  item: Node,
  count: number,
  s: readonly At<SeqNode>[],
  pooled: readonly At[],
): readonly At[] {
  const name = itemName(item);
  if (name === undefined) return pooled;
  const same = pooled.filter((x) => itemName(x.node) === name);
  if (same.length > 0) return same;
  return count === 1 && s.every((x) => x.node.items.length === 1) ? pooled : [];
}

/** Scalar items that more than half of the sequences hold, in the order the first holder has them. */
export function setMajority(s: readonly At<SeqNode>[], having = s.length): Node[] {
  const counts = new Map<string, { node: Node; n: number }>();
  for (const x of s) {
    for (const item of new Map(x.node.items.map((i) => [fingerprint(i), i])).values()) {
      const f = fingerprint(item);
      const c = counts.get(f) ?? { node: item, n: 0 };
      c.n++;
      counts.set(f, c);
    }
  }
  return [...counts.values()].filter((c) => c.n * 2 > having).map((c) => c.node);
}
