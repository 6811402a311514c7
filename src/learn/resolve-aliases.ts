import { toData, type Node } from './tree.ts';

/**
 * Make a merged document's anchors and aliases consistent, in document order: an alias stays
 * where an earlier node carries its anchor (with the value the inputs want, when they decided
 * it). Where none does, the anchor goes on the first earlier node of the same key and value
 * (`port: &port 80` on the probe, then `port: *port` on the service), or else the alias is
 * written out as that value, anchored. An alias with nothing to stand for is dropped, and so is
 * a second anchor of the same name.
 */
export function resolveAliases(root: Node): Node {
  return new Resolver().walk(root, '') ?? root;
}

class Resolver {
  private readonly defined = new Map<string, Node>();
  /** Nodes written so far, with the key they are under, for an anchor to go on later. */
  private readonly seen: { node: Exclude<Node, { kind: 'alias' }>; key: string }[] = [];

  walk(node: Node, key: string): Node | undefined {
    if (node.kind === 'alias') return this.alias(node, key);
    let current = node;
    if (current.anchor) {
      if (this.defined.has(current.anchor)) current = stripAnchor(current);
      else this.defined.set(current.anchor, current);
    }
    this.seen.push({ node: current, key });
    if (current.kind === 'map') {
      const entries = [];
      for (const e of current.entries) {
        const value = this.walk(e.value, e.key);
        if (value) entries.push({ ...e, value });
      }
      current.entries = entries;
    } else if (current.kind === 'seq') {
      current.items = current.items.flatMap((i) => this.walk(i, key) ?? []);
    }
    return current;
  }

  private alias(node: Extract<Node, { kind: 'alias' }>, key: string): Node | undefined {
    const target = this.defined.get(node.name);
    const wanted = node.fallback;
    if (target && (!wanted || this.same(target, wanted))) return { kind: 'alias', name: node.name };
    if (!wanted || wanted.kind === 'alias') return undefined;
    if (!target) {
      const earlier = this.seen.find(
        (s) => s.key === key && !s.node.anchor && this.same(s.node, wanted),
      );
      if (earlier) {
        earlier.node.anchor = node.name;
        this.defined.set(node.name, earlier.node);
        return { kind: 'alias', name: node.name };
      }
      return this.walk({ ...wanted, anchor: node.name }, key);
    }
    return this.walk(stripAnchor(wanted), key); // the anchor holds another value: write it out
  }

  private same(a: Node, b: Node): boolean {
    return (
      JSON.stringify(toData(a, new Map(this.defined))) ===
      JSON.stringify(toData(b, new Map(this.defined)))
    );
  }
}

function stripAnchor<N extends Node>(node: N): N {
  if (node.kind === 'alias') return node;
  const { anchor: _a, ...rest } = node;
  return rest as N;
}
