import { orderKeys } from './key-order.ts';
import { majorityOf } from './majority.ts';
import {
  QUORUM,
  anchorOf,
  anchorsOf,
  atNode,
  canonical,
  decide,
  itemPool,
  setMajority,
  unaliased,
  withAnchor,
  type At,
} from './merge-nodes.ts';
import { extension, mergeScalar } from './merge-values.ts';
import { type CompiledRole, type FeatureSet, under } from './role.ts';
import { resolveAliases } from './resolve-aliases.ts';
import {
  DEFAULT_LAYOUT,
  fingerprint,
  type DocLayout,
  type DocShape,
  type MapEntry,
  type MapNode,
  type Node,
  type SeqNode,
} from './tree.ts';

/** A sibling's document of the role, with the features its app has. */
export interface Example {
  shape: DocShape;
  features: FeatureSet;
  /** In the new app's own namespace (or group): its neighbours' values come first. */
  local?: boolean;
  /** Its header is its own kind's (another chart's values schema): it says nothing of the new one's. */
  noHeader?: boolean;
}

/**
 * The new app's document: the template where the inputs decide or nothing can be learned, the
 * siblings' majority everywhere else (keys, values, key order, quoting, flow or block, anchors,
 * blank lines, the header and the file's layout). Works on abstract documents: the template is
 * read with the new app's vocabulary, the examples with their own, so names line up.
 */
export function mergeDocument(
  template: DocShape,
  examples: readonly Example[],
  role: CompiledRole,
  features: FeatureSet,
): DocShape {
  const m = new Merger(role, features, examples.length);
  const at = examples.map((e) => ({
    node: e.shape.root,
    features: e.features,
    local: e.local,
    anchors: anchorsOf(e.shape.root),
  }));
  m.templateAnchors = anchorsOf(template.root);
  const merged = resolveAliases(m.value('', template.root, at) ?? template.root);
  const root = role.repair ? role.repair(merged, template.root) : merged;
  return {
    header: headerOf(examples) ?? template.header,
    root,
    layout: examples.length ? layoutOf(examples.map((e) => e.shape.layout)) : template.layout,
  };
}

function headerOf(all: readonly Example[]): string[] | undefined {
  const examples = all.filter((e) => !e.noHeader);
  const winner = majorityOf(examples, (e) => e.shape.header.join('\n'));
  return examples.find((e) => e.shape.header.join('\n') === winner)?.shape.header;
}

function layoutOf(layouts: readonly DocLayout[]): DocLayout {
  const pick = (key: 'indentSeq' | 'flowMapPadding' | 'flowSeqPadding') => {
    const yes = layouts.filter((l) => l[key]).length;
    return yes * 2 === layouts.length ? DEFAULT_LAYOUT[key] : yes * 2 > layouts.length;
  };
  return {
    indent: Number(majorityOf(layouts, (l) => String(l.indent), true) ?? DEFAULT_LAYOUT.indent),
    indentSeq: pick('indentSeq'),
    flowMapPadding: pick('flowMapPadding'),
    flowSeqPadding: pick('flowSeqPadding'),
  };
}

class Merger {
  /** The nodes the template anchors, by name. */
  templateAnchors: ReadonlyMap<string, Node> = new Map();

  constructor(
    private readonly role: CompiledRole,
    private readonly features: FeatureSet,
    /** How many siblings there are: with several, one alone does not outweigh the template. */
    private readonly population: number,
  ) {}

  private isCore(path: string): boolean {
    return under(path, this.role.core);
  }

  /** Whether a template subtree holds what the inputs decide (core paths, features the app has). */
  private holdsInputs(path: string, node: Node): boolean {
    for (const core of this.role.core)
      if (core.startsWith(`${path}.`) && this.templateHas(path, node, core)) return true;
    for (const [root, feature] of this.role.features)
      if (
        root.startsWith(`${path}.`) &&
        this.features[feature] === true &&
        !this.role.softFeatures.has(feature) &&
        this.templateHas(path, node, root)
      )
        return true;
    return false;
  }

  /** Whether the template node at `path` holds the canonical path `target` below it. */
  private templateHas(path: string, node: Node, target: string): boolean {
    let cur: Node | undefined = node;
    let at = path;
    for (const step of target.slice(path.length + 1).split('.')) {
      if (!cur) return false;
      if (step === '[]') {
        cur = cur.kind === 'seq' ? cur.items[0] : undefined;
      } else {
        if (cur.kind !== 'map') return false;
        cur = canonical(cur, this.role.slots.get(at) ?? []).get(step)?.value;
      }
      at = `${at}.${step}`;
    }
    return cur !== undefined;
  }

  /** Siblings alike to the new app in the features this path depends on. */
  private alike<T extends { features: FeatureSet }>(path: string, xs: readonly T[]): T[] {
    let out = [...xs];
    for (const [root, deps] of this.role.alike) {
      // `x.*`: the keys of x only; x itself is there as most of the siblings have it
      const keysOnly = root.endsWith('.*');
      const base = keysOnly ? root.slice(0, -2) : root;
      if (path === base ? keysOnly : !path.startsWith(`${base}.`)) continue;
      const alike = out.filter((x) =>
        deps.every((d) => (x.features[d] ?? false) === (this.features[d] ?? false)),
      );
      // a map's keys where one alike sibling has it: one is no convention, the wider circle's
      // keys are (APP: *app); where none has it, the map is not theirs
      out =
        keysOnly && alike.length > 0 && alike.length < QUORUM && out.length >= QUORUM ? out : alike;
    }
    return out;
  }

  /**
   * The siblings alike to the new app in the features a key goes with: a feature goes with a key
   * when siblings with it and without it differ in having the key by half or more (apps with
   * storage carry the backup component, `strategy: Recreate`, `postBuild.substitute`).
   */
  private likeFor<T extends { features: FeatureSet; entries: Map<string, MapEntry> }>(
    key: string,
    xs: readonly T[],
  ): T[] {
    let out = [...xs];
    for (const [feature, wanted] of Object.entries(this.features)) {
      if (this.role.scopedFeatures.has(feature)) continue;
      const yes = xs.filter((x) => x.features[feature] === true);
      const no = xs.filter((x) => x.features[feature] !== true);
      if (yes.length < 3 || no.length < 3) continue; // too few to tell a pattern from chance
      const rate = (g: readonly T[]) => g.filter((x) => x.entries.has(key)).length / g.length;
      if (Math.abs(rate(yes) - rate(no)) < 0.5) continue;
      const alike = out.filter((x) => (x.features[feature] === true) === wanted);
      // features narrow the circle one after another, never below three where it had more:
      // two apps alike in every feature are one pattern, not the repo's
      if (alike.length > 0 && alike.length >= Math.min(QUORUM + 1, out.length)) out = alike;
    }
    return out;
  }

  value(path: string, t: Node | undefined, s: readonly At[]): Node | undefined {
    const inputDecides = t !== undefined && (this.isCore(path) || this.role.inputValues.has(path));
    if (s.length === 0) return t;
    const aliases = s.filter((x) => x.node.kind === 'alias');
    if (aliases.length * 2 > s.length) {
      const name = majorityOf(aliases, (x) => (x.node.kind === 'alias' ? x.node.name : '')) ?? '';
      // the inputs' value stays the fallback: the alias holds only if its anchor has that value
      return inputDecides || t ? { kind: 'alias', name, fallback: t } : { kind: 'alias', name };
    }
    // fewer than half write an alias here (`readiness: *probes`): each stands for what its
    // anchor holds, and counts as that
    s = s.map((x) => (x.node.kind === 'alias' ? { ...x, node: unaliased(x.node, x.anchors) } : x));
    if (t?.kind === 'alias') t = unaliased(t, this.templateAnchors);
    const kind = inputDecides && t ? t.kind : majorityOf(s, (x) => x.node.kind);
    const same = <K extends Node['kind']>(k: K) =>
      s.filter((x): x is At<Extract<Node, { kind: K }>> => x.node.kind === k);
    if (kind === 'map') return this.map(path, t?.kind === 'map' ? t : undefined, same('map'));
    // a list some siblings write as a map (env): its items count against all who have the key
    if (kind === 'seq')
      return this.seq(path, t?.kind === 'seq' ? t : undefined, same('seq'), s.length);
    return mergeScalar(
      t?.kind === 'scalar' ? t : undefined,
      same('scalar'),
      inputDecides,
      this.population,
    );
  }

  private seq(
    path: string,
    t: SeqNode | undefined,
    s: readonly At<SeqNode>[],
    having = s.length,
  ): Node | undefined {
    const flow =
      majorityOf(s, (x) => String(x.node.flow)) === 'true' || (s.length === 0 && t?.flow === true);
    const anchor = anchorOf(t, s);
    const itemPath = `${path}.[]`;
    const pooled = s.flatMap((x) => x.node.items.map((node) => atNode(x, node)));
    let items: Node[];
    const decided = [...this.role.inputValues, ...this.role.core].some((p) =>
      p.startsWith(`${path}.`),
    );
    if (
      t &&
      (this.isCore(path) ||
        this.role.inputValues.has(path) ||
        this.role.features.has(path) ||
        decided)
    ) {
      items = t.items.flatMap(
        (item) => this.value(itemPath, item, itemPool(item, t.items.length, s, pooled)) ?? [],
      );
      // a list learned from siblings alike in features (a Deployment's volumes) takes their extras
      if (this.role.alike.has(path) && !this.isCore(path)) items.push(...extension(items, s));
    } else {
      const shapeOf = (x: At<SeqNode>) => fingerprint({ ...x.node, flow: false });
      let whole = majorityOf(s, shapeOf, true);
      if (whole !== undefined && s.filter((x) => shapeOf(x) === whole).length * 2 <= having)
        whole = undefined;
      // a list only alike siblings have (a backup component's generator values): half of them
      // agreeing, the group's first on a tie, is its convention
      if (whole === undefined && !t && this.role.alike.has(path)) {
        const top = majorityOf(s, shapeOf);
        const n = s.filter((x) => shapeOf(x) === top).length;
        if (n >= QUORUM && n * 2 >= s.length) whole = top;
      }
      let agreed = s.filter((x) => shapeOf(x) === whole);
      if (t && agreed.length < Math.min(QUORUM, this.population)) agreed = [];
      const chosen = agreed[0];
      // each item of the agreed list is learned from the same item of the lists that agree
      // (from every item of every list, [volsync, kopiur] came out [volsync, volsync])
      const at = (i: number) =>
        agreed.flatMap((x) => {
          const node = x.node.items[i];
          return node ? [atNode(x, node)] : [];
        });
      if (chosen)
        items = chosen.node.items.map((item, i) => this.value(itemPath, item, at(i)) ?? item);
      else if (t) items = t.items.map((item) => this.value(itemPath, item, pooled) ?? item);
      else items = setMajority(s, having);
    }
    const blank = s.length
      ? majorityOf(s, (x) => JSON.stringify(x.node.blankBefore ?? []))
      : undefined;
    const blankBefore = blank ? (JSON.parse(blank) as number[]) : (t?.blankBefore ?? []);
    return withAnchor(
      { kind: 'seq', flow, items, ...(blankBefore.length ? { blankBefore } : {}) },
      anchor,
    );
  }

  private map(path: string, t: MapNode | undefined, s: readonly At<MapNode>[]): Node {
    const slots = this.role.slots.get(path) ?? [];
    const tEntries = canonical(t, slots);
    const sEntries = s.map((x) => ({ ...x, entries: canonical(x.node, slots) }));
    const keys = [
      ...new Set([...tEntries.keys(), ...sEntries.flatMap((x) => [...x.entries.keys()])]),
    ];
    const out: MapEntry[] = [];
    for (const key of keys) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const pop = this.alike(childPath, this.likeFor(key, sEntries));
      const have = pop.filter((x) => x.entries.has(key));
      const te = tEntries.get(key);
      const feature = this.role.features.get(childPath);
      let present: boolean;
      if (feature !== undefined)
        present = this.features[feature] === true && (te !== undefined || have.length > 0);
      else if (
        this.isCore(childPath) ||
        (te !== undefined && this.holdsInputs(childPath, te.value))
      )
        present = te !== undefined;
      else if (this.role.optional.has(childPath))
        present = pop.length > 0 && have.length * 2 > pop.length;
      else if (have.length * 2 === pop.length && pop.length < sEntries.length) {
        // a tie among the alike siblings: the wider circle decides
        const wide = this.alike(childPath, sEntries);
        present = decide(
          wide.length,
          wide.filter((x) => x.entries.has(key)).length,
          te !== undefined,
          this.role.unanimous,
        );
      } else present = decide(pop.length, have.length, te !== undefined, this.role.unanimous);
      if (process.env.HOMEOPS_MERGE_DEBUG && childPath.includes(process.env.HOMEOPS_MERGE_DEBUG))
        console.error('merge', childPath, {
          present,
          pop: pop.length,
          have: have.length,
          known: te !== undefined,
          all: sEntries.length,
        });
      if (!present) continue;
      const children = have.flatMap((x) => {
        const e = x.entries.get(key);
        return e ? [{ ...atNode(x, e.value), entry: e }] : [];
      });
      const value = this.value(childPath, te?.value, children);
      if (!value) continue;
      // a map or list the siblings fill with entries of their own (env, command) is left out
      // rather than written empty
      if (
        value.kind === 'map' &&
        value.entries.length === 0 &&
        !value.flow &&
        !this.isCore(childPath)
      ) {
        if (children.every((c) => c.node.kind === 'map' && c.node.entries.length > 0)) continue;
      }
      if (value.kind === 'seq' && value.items.length === 0 && !this.isCore(childPath) && !te) {
        // (some may write it as a map: env as a list or by name)
        const filled = (n: Node) =>
          (n.kind === 'seq' && n.items.length > 0) || (n.kind === 'map' && n.entries.length > 0);
        if (children.every((c) => filled(c.node))) continue;
      }
      let named = majorityOf(children, (c) => c.entry.key);
      // a slot's name from one sibling does not outweigh the template's where there are several
      if (
        te &&
        children.filter((c) => c.entry.key === named).length < Math.min(QUORUM, this.population)
      )
        named = te.key;
      const keyStyle = majorityOf(children, (c) => c.entry.keyStyle) ?? te?.keyStyle ?? 'PLAIN';
      const blank = children.length
        ? majorityOf(children, (c) => String(c.entry.blankBefore === true)) === 'true'
        : te?.blankBefore === true;
      out.push({
        key: key.startsWith('<') ? (named ?? te?.key ?? key) : key,
        keyStyle,
        value,
        ...(blank ? { blankBefore: true } : {}),
        // the canonical key, to order by (a slot's name differs between siblings)
        ...({ canon: key } as object),
      });
    }
    const canonOf = (e: MapEntry) => (e as MapEntry & { canon: string }).canon;
    // the keys of a map the inputs decide keep the template's order where siblings say nothing
    const order = orderKeys(
      out.map(canonOf),
      [...tEntries.keys()],
      sEntries.map((x) => [...x.entries.keys()]),
      !this.isCore(path),
    );
    const entries = order.map((k) => {
      const e = out.find((o) => canonOf(o) === k) as MapEntry & { canon?: string };
      const { canon: _c, ...entry } = e;
      return entry;
    });
    const flow = s.length ? majorityOf(s, (x) => String(x.node.flow)) === 'true' : t?.flow === true;
    return withAnchor({ kind: 'map', flow, entries }, anchorOf(t, s));
  }
}
