import { describe, expect, it } from 'vitest';
import { seeded, yamlCorpus } from '../../test/support/yaml-corpus.ts';
import { parseAllDocuments } from 'yaml';
import { PlainShape } from './plain-shape.ts';

const PATHS = [['kind'], ['spec', 'url'], ['spec', 'ref', 'tag']];

const oci = (name: string, tag: string) => `---
# yaml-language-server: $schema=https://kubernetes-schemas.pages.dev/source.toolkit.fluxcd.io/ocirepository_v1.json
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: ${name}
spec:
  interval: 15m
  ref:
    tag: ${tag}
  url: oci://ghcr.io/bjw-s-labs/helm/app-template
`;

/** The `yaml` library's reading of a one-document file, or undefined when it is not one valid document. */
function fullRead(text: string): unknown {
  const docs = parseAllDocuments(text);
  if ('empty' in docs || docs.length !== 1 || docs[0]!.errors.length) return undefined;
  return docs[0]!.toJS();
}

function dig(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (at, key) =>
      at !== null && typeof at === 'object' && !Array.isArray(at)
        ? (at as Record<string, unknown>)[key]
        : undefined,
    data,
  );
}

describe('PlainShape', () => {
  it('reads the values of a file that differs only in scalar values', () => {
    const shape = PlainShape.of(oci('echo', '4.4.0'), PATHS)!;
    expect(shape.values()).toEqual([
      'OCIRepository',
      'oci://ghcr.io/bjw-s-labs/helm/app-template',
      '4.4.0',
    ]);
    expect(shape.valuesOf(oci('paperless', '"4.3.0"'))).toEqual([
      'OCIRepository',
      'oci://ghcr.io/bjw-s-labs/helm/app-template',
      '4.3.0',
    ]);
    const crlf = PlainShape.of(oci('echo', '4.4.0').replaceAll('\n', '\r\n'), PATHS)!;
    expect(crlf.valuesOf(oci('paperless', '4.3.0 # pinned').replaceAll('\n', '\r\n'))).toEqual([
      'OCIRepository',
      'oci://ghcr.io/bjw-s-labs/helm/app-template',
      '4.3.0',
    ]);
  });

  it.each([
    ['an empty value', oci('echo', '')],
    ['a value that is not plain', oci('echo', '&tag 4.4.0')],
    ['a float', oci('echo', '4.4')],
    [
      'another line',
      oci('echo', '4.4.0').replace('  interval: 15m\n', '  interval: 15m\n  suspend: true\n'),
    ],
    ['a key moved', oci('echo', '4.4.0').replace('    tag:', '   tag:')],
    ['a lone CR in a value', oci('echo\rx', '4.4.0')],
  ])('does not match a file with %s', (_what, text) => {
    expect(PlainShape.of(oci('echo', '4.4.0'), PATHS)!.valuesOf(text)).toBeUndefined();
  });

  it('does not take a CR at the very end of a file for a line break', () => {
    const shape = PlainShape.of(oci('echo', '4.4.0').trimEnd(), PATHS)!;
    expect(shape.valuesOf(`${oci('echo', '1').trimEnd()}\r`)).toBeUndefined();
    expect(shape.valuesOf(oci('echo', '4.3.0').trimEnd())).toEqual([
      'OCIRepository',
      'oci://ghcr.io/bjw-s-labs/helm/app-template',
      '4.3.0',
    ]);
  });

  it('never reads values the full parser would not: every fixture file against its mutations', () => {
    const random = seeded(7);
    let matched = 0;
    let tried = 0;
    for (const { text } of yamlCorpus()) {
      const paths = scalarPaths(fullRead(text));
      const shape = PlainShape.of(text, paths);
      if (!shape) continue;
      for (let n = 0; n < 16; n++) {
        const other = mutate(text, random);
        const values = shape.valuesOf(other);
        tried++;
        if (!values) continue;
        matched++;
        const data = fullRead(other);
        expect({
          other,
          data: data === undefined ? 'invalid' : paths.map((path) => dig(data, path)),
        }).toEqual({ other, data: values });
      }
    }
    expect(matched).toBeGreaterThan(tried / 4);
  });
});

/** The paths of the scalars of a document reached through mappings only. */
function scalarPaths(data: unknown, at: string[] = []): string[][] {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return at.length ? [at] : [];
  return Object.entries(data).flatMap(([key, value]) =>
    Array.isArray(value) ? [] : scalarPaths(value, [...at, key]),
  );
}

const VALUES = [
  'other',
  '"quoted"',
  "'single'",
  'true',
  '8080',
  '4.10',
  '',
  '# c',
  'a: b',
  'b:',
  '[a]',
  '&x y',
  '*x',
  '|',
  '- x',
  'x #c',
  'x\ry',
  'null',
  '~',
  '-x',
  '0o17',
  '"\\x41"',
  "'a'b'",
];

/** Most mutations change one value (what the shape must see through), the rest change structure. */
function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  const line = lines[at]!;
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const roll = random();
  if (roll < 0.7) lines[at] = line.replace(/^( *(?:- )?[\w./-]+:|( *)-) .*$/, `$1 ${pick(VALUES)}`);
  else if (roll < 0.8) lines[at] = ` ${line}`;
  else if (roll < 0.9) lines[at] = line.replace(/:( |$)/, '$1');
  else lines.splice(at, 0, pick(['key: value', '- item', '---', '']));
  return lines.join('\n');
}
