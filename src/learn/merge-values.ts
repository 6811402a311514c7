import { majorityOf, pluralityOf } from './majority.ts';
import { QUORUM, anchorOf, withAnchor, type At } from './merge-nodes.ts';
import { fingerprint, type Node, type ScalarNode, type SeqNode } from './tree.ts';

// A value the siblings write (a scalar), and the items they add to a list, as the merger counts them.

/**
 * A scalar: where the inputs decide, the template's value in the siblings' quoting (their
 * `{{ .Release.Name }}` for the app's name); else the value most of the new app's namespace
 * agree on, then most of the siblings, never one sibling's over the template's.
 */
export function mergeScalar(
  t: ScalarNode | undefined,
  s: readonly At<ScalarNode>[],
  inputDecides: boolean,
  /** How many siblings there are: with several, one alone does not outweigh the template. */
  population: number,
): Node | undefined {
  const anchor = anchorOf(t, s);
  if (inputDecides && t) {
    const like = s.filter((x) => typeof x.node.value === typeof t.value);
    const style = majorityOf(like, (x) => x.node.style) ?? t.style;
    // the siblings write the app's name as Helm's `{{ .Release.Name }}` here: so does the new app
    const asRelease = like.filter(
      (x) =>
        typeof x.node.value === 'string' &&
        x.node.value.includes('⟪release⟫') &&
        x.node.value.replaceAll('⟪release⟫', '⟪app⟫') === t.value,
    );
    if (asRelease.length * 2 > like.length && asRelease[0]?.node.kind === 'scalar')
      return withAnchor({ ...t, value: asRelease[0].node.value, style }, anchor);
    return withAnchor({ ...t, style, ...(style === 'PLAIN' ? {} : { trusted: false }) }, anchor);
  }
  const valueOf = (x: At<ScalarNode>) => JSON.stringify(x.node.value);
  // the new app's neighbours first: where most of its namespace agree (30m), the repo's
  // majority elsewhere (1h) does not decide
  const near = s.filter((x) => x.local);
  let winner =
    (near.length >= QUORUM ? majorityOf(near, valueOf, true) : undefined) ??
    majorityOf(s, valueOf, true);
  // one sibling's value does not outweigh the template's where there are several siblings
  if (
    winner !== undefined &&
    t &&
    s.filter((x) => valueOf(x) === winner).length < Math.min(QUORUM, population)
  )
    winner = undefined;
  if (winner === undefined && t) {
    const like = s.filter((x) => typeof x.node.value === typeof t.value);
    return withAnchor({ ...t, style: majorityOf(like, (x) => x.node.style) ?? t.style }, anchor);
  }
  // three or more siblings that all write it, each their own way (GATUS_SUBDOMAIN: grid, chat,
  // lattice): the value is each app's own, no sibling's is the new app's (two that differ are a tie)
  if (winner === undefined && s.length > QUORUM && new Set(s.map(valueOf)).size === s.length)
    return undefined;
  const pool = winner === undefined ? s : s.filter((x) => valueOf(x) === winner);
  const first = pluralityOf(pool, valueOf);
  if (!first) return t;
  const style = majorityOf(pool, (x) => x.node.style) ?? first.node.style;
  const { anchor: _drop, ...node } = first.node;
  return withAnchor({ ...node, style }, anchor);
}

/**
 * Items most alike siblings add to a list the inputs decide (a `tmp` emptyDir beside the claim):
 * those the quorum and a majority of them have, in their order, that the list lacks.
 */
export function extension(items: readonly Node[], s: readonly At<SeqNode>[]): Node[] {
  const have = new Set(items.map(fingerprint));
  const counts = new Map<string, { node: Node; n: number }>();
  for (const x of s)
    // each sibling counts an item once
    for (const [key, node] of new Map(x.node.items.map((i) => [fingerprint(i), i]))) {
      const c = counts.get(key) ?? { node, n: 0 };
      c.n++;
      counts.set(key, c);
    }
  const enough = (n: number) => n >= QUORUM && n * 2 > s.length;
  return [...counts].filter(([key, c]) => !have.has(key) && enough(c.n)).map(([, c]) => c.node);
}
