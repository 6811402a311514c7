import { describe, expect, it } from 'vitest';
import { seeded, yamlCorpus } from '../../test/support/yaml-corpus.ts';
import { parseAllDocuments } from 'yaml';
import { readPlainYaml } from './read-plain-yaml.ts';

const kustomization = `---
# yaml-language-server: $schema=https://json.schemastore.org/kustomization
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: default   # set for every resource
components:
- ../../components/sops
resources:
  - ./namespace.yaml
  # needs the database first
  - "./paperless/ks.yaml"
labels:
  app: 'it''s'
  empty:
`;

/** What the `yaml` library reads: the data of the only document, or why it does not count. */
function fullRead(text: string): unknown {
  const docs = parseAllDocuments(text);
  if ('empty' in docs || docs.length !== 1) return 'not one document';
  if (docs[0]!.errors.length) return `error: ${docs[0]!.errors[0]!.message}`;
  return docs[0]!.toJS();
}

describe('readPlainYaml', () => {
  it('reads mappings, sequences, quotes and comments as the full parser does, with item lines', () => {
    const plain = readPlainYaml(kustomization)!;
    expect(plain.data).toEqual(fullRead(kustomization));
    expect(plain.data.labels).toEqual({ app: "it's", empty: null });
    const resources = plain.data.resources as string[];
    expect(
      plain.itemLines.get(resources)!.map(({ start, end }) => kustomization.slice(start, end)),
    ).toEqual(['  - ./namespace.yaml', '  - "./paperless/ks.yaml"']);
    expect(plain.itemLines.get(plain.data.components as string[])![0]!.indent).toBe(0);
  });

  it('reads mappings inside sequences, booleans and integers', () => {
    const text =
      'spec:\n  prune: true\n  port: 8080\n  dependsOn:\n    - name: a\n      namespace: b\n    -   name: c\n  wait: false\n';
    expect(readPlainYaml(text)!.data).toEqual({
      spec: {
        prune: true,
        port: 8080,
        dependsOn: [{ name: 'a', namespace: 'b' }, { name: 'c' }],
        wait: false,
      },
    });
    expect(readPlainYaml(text)!.data).toEqual(fullRead(text));
  });

  it('reads CRLF files too', () => {
    const crlf = kustomization.replaceAll('\n', '\r\n');
    expect(readPlainYaml(crlf)!.data).toEqual(readPlainYaml(kustomization)!.data);
  });

  it.each([
    ['a flow mapping', 'spec: {a: 1}\n'],
    ['a float', 'ratio: 0.5\n'],
    ['a mapping item out of line', 'a:\n  - b: c\n     d: e\n'],
    ['an anchor', 'a: &x b\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a number', 'tag: 4.10\n'],
    ['a YAML 1.1 boolean', 'enabled: yes\n'],
    ['a null item', 'a:\n  -\n'],
    ['two documents', '---\na: b\n---\nc: d\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a duplicate key', 'a: b\na: c\n'],
    ['a key between two columns', 'a:\n    b: c\n  d: e\n'],
    ['a value that is a mapping', 'a: b: c\n'],
    ['a value ending in a colon', 'a: b:\n'],
    ['an unpaired single quote', "a: 'b'c'\n"],
    ['a lone CR', 'a: b\rc: d\n'],
    ['a top-level sequence', '- a\n'],
    [
      'a key longer than YAML allows (it counts the indent and line break before it)',
      `a:\n${'b'.repeat(1023)}: x\n`,
    ],
  ])('gives up on %s, so the caller uses the full parser', (_what, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it('never reads data the full parser would not: every fixture file, and thousands of mutations of them', () => {
    const random = seeded(20261123);
    let read = 0;
    let tried = 0;
    const check = (text: string) => {
      tried++;
      const plain = readPlainYaml(text);
      if (!plain) return;
      read++;
      expect({ text, data: plain.data }).toEqual({ text, data: fullRead(text) });
      for (const [seq, lines] of plain.itemLines) {
        expect(lines).toHaveLength(seq.length);
        for (const line of lines)
          expect(text.slice(line.start, line.end)).toMatch(new RegExp(`^ {${line.indent}}-( |$)`));
      }
    };
    for (const { text } of yamlCorpus()) {
      check(text);
      for (let n = 0; n < 12; n++) check(mutate(text, random));
    }
    // the property holds on real files, not only on files it refuses
    expect(read).toBeGreaterThan(tried / 5);
  });
});

const TRICKY = [
  'true',
  'False',
  '8080',
  '007',
  '-1',
  '+1',
  '1_000',
  'name: x',
  'a: {b}',
  'yes',
  '4.10',
  '"a\\x"',
  "'a'b'",
  'a: b',
  'foo:',
  '[a]',
  '{a: 1}',
  '&x y',
  '*x',
  '!t y',
  '|',
  '>-',
  '- x',
  '# c',
  'a #b',
  'a#b',
  '"a" # c',
  "'it''s'",
  '~',
  'null',
  '',
  '\u00a0x',
  'x\u00a0',
  '-x',
  '?x',
  'x:y',
  'x:\ty',
  '0o17',
  '.5',
  '1e3',
  '"\\u00e9"',
  'a\tb',
  '@x',
  '%x',
];

/** One random edit of one line: indentation, a tricky value, a duplicate, a deletion, a marker. */
function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  const line = lines[at]!;
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  switch (Math.floor(random() * 9)) {
    case 0:
      lines[at] = ' '.repeat(1 + Math.floor(random() * 3)) + line;
      break;
    case 1:
      lines[at] = line.replace(/^ {1,2}/, '');
      break;
    case 2:
      lines.splice(at, 0, line);
      break;
    case 3:
      lines.splice(at, 1);
      break;
    case 4:
      lines[at] = line.replace(/(:|-) .*$/, `$1 ${pick(TRICKY)}`);
      break;
    case 5:
      lines[at] = line.replace(/:.*$/, ':');
      break;
    case 6:
      lines.splice(
        at,
        0,
        pick(['---', '...', '\t', 'key: value', '- item', '  - item', '__proto__: x', 'a:b']),
      );
      break;
    case 7:
      lines[at] = `${line}${pick(['\r', ' # c', ':', ' :', '\t'])}`;
      break;
    default:
      lines[at] = line.replace(/^( *)- /, '$1-');
  }
  return lines.join('\n');
}
