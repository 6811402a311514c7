import { describe, expect, it } from 'vitest';
import { parseDocument, Scalar } from 'yaml';
import { HomeopsError } from '../../errors.ts';
import { parseYaml } from '../parse-yaml.ts';
import type { YamlEdit } from './edit-types.ts';
import { editYaml } from './edit-yaml.ts';
import { detectIndentSeq } from './render-value.ts';

/** Edits that may fall back to the Document API, as the Talos and secret edits allow. */
const addToYaml = (source: string, _doc: unknown, edits: YamlEdit[]) => {
  const r = editYaml(source, 'f.yaml', edits, { rerender: true });
  return { ...r, doc: parseDocument(r.text) };
};

const quoted = (v: string): Scalar =>
  Object.assign(new Scalar(v), { type: 'QUOTE_DOUBLE' as const });

describe('addToYaml', () => {
  it('keeps bytes a Document round trip would change', () => {
    const source = [
      '# yaml-language-server: $schema=x',
      '---',
      'clusterPodNets: [ "10.42.0.0/16" ]',
      'nodes:',
      '  - hostname: a   # aligned',
      '    ipAddress: 10.0.0.1',
      '      # indented trailing comment',
      '',
      '# column-0 comment',
      'patches: []',
      '',
      '# end',
      '',
    ].join('\n');
    const doc = parseDocument(source);
    expect(doc.toString({ lineWidth: 0 })).not.toBe(source); // what the splice avoids
    const r = addToYaml(source, doc, [
      {
        kind: 'item',
        path: ['nodes'],
        value: doc.createNode({ hostname: 'b', ipAddress: quoted('10.0.0.2') }),
      },
    ]);
    expect(r.exact).toBe(true);
    expect(r.text).toBe(
      source.replace(
        'trailing comment\n',
        'trailing comment\n  - hostname: b\n    ipAddress: "10.0.0.2"\n',
      ),
    );
  });

  it('adds a mapping to a flow list in the style of its items', () => {
    const source = 'nodes: [{hostname: a}]\n';
    const doc = parseDocument(source);
    const r = addToYaml(source, doc, [
      { kind: 'item', path: ['nodes'], value: doc.createNode({ hostname: 'b' }) },
    ]);
    expect(r).toMatchObject({ exact: true, text: 'nodes: [{hostname: a}, {hostname: b}]\n' });
  });

  it('falls back to the Document API for layouts it cannot splice', () => {
    // the list's first item shares the line of its parent's dash: nothing can go before it
    const source = 'nodes:\n  - - b\n';
    const r = addToYaml(source, undefined, [
      { kind: 'item', path: ['nodes', 0], value: 'a', place: { sorted: true } },
    ]);
    expect(r.exact).toBe(false);
    expect(r.doc.toJS()).toEqual({ nodes: [['a', 'b']] });
    expect(() =>
      editYaml(source, 'f.yaml', [
        { kind: 'item', path: ['nodes', 0], value: 'a', place: { sorted: true } },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'YAML',
        file: 'f.yaml',
        message: expect.stringContaining('nodes.0'),
      }),
    );
  });

  it('adds keys at the end of a map and at the end of a file without a final newline', () => {
    const source = 'a: 1\nb:\n  c: 2';
    const doc = parseDocument(source);
    const r = addToYaml(source, doc, [
      { kind: 'key', path: ['b'], key: 'd', value: doc.createNode([1]) },
      { kind: 'key', path: [], key: 'e', value: doc.createNode('x') },
    ]);
    expect(r.text).toBe('a: 1\nb:\n  c: 2\n  d:\n    - 1\ne: x\n');
  });

  it('detects non-indented sequences', () => {
    expect(detectIndentSeq('a:\n- b\n')).toBe(false);
    expect(detectIndentSeq('a:\n  - b\n')).toBe(true);
    expect(detectIndentSeq('a: 1\n')).toBe(true);
  });
});

describe('parseYaml', () => {
  it('turns syntax errors into a YAML error with file and line', () => {
    let err: unknown;
    try {
      parseYaml('a: 1\nb: [\n  c\nd: }\n', 'talos/talconfig.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HomeopsError);
    expect(err).toMatchObject({ code: 'YAML', file: 'talos/talconfig.yaml' });
    expect((err as HomeopsError).line).toBeGreaterThanOrEqual(2);
  });
});

describe('addToYaml on empty flow lists', () => {
  it('turns `key: []` into a block list', () => {
    const source = 'clusterName: x\nnodes: []\nworker: {}\n';
    const doc = parseDocument(source);
    const r = addToYaml(source, doc, [
      {
        kind: 'item',
        path: ['nodes'],
        value: doc.createNode({ hostname: 'a', ipAddress: '10.0.0.1' }),
      },
    ]);
    expect(r).toMatchObject({
      exact: true,
      text: 'clusterName: x\nnodes:\n  - hostname: a\n    ipAddress: 10.0.0.1\nworker: {}\n',
    });
  });
  it('keeps the comment that follows the brackets on the key line', () => {
    const source = 'nodes: [] # none yet\n';
    const doc = parseDocument(source);
    const r = addToYaml(source, doc, [
      { kind: 'item', path: ['nodes'], value: doc.createNode({ hostname: 'a' }) },
    ]);
    expect(r).toMatchObject({ exact: true, text: 'nodes: # none yet\n  - hostname: a\n' });
  });
});

describe('addToYaml on CRLF files', () => {
  it('keeps CRLF line endings', () => {
    const source = 'patches:\r\n  - "@./a.yaml"\r\nnodes: []\r\n';
    const doc = parseDocument(source);
    const r = addToYaml(source, doc, [
      { kind: 'item', path: ['patches'], value: quoted('@./b.yaml') },
    ]);
    expect(r).toMatchObject({
      exact: true,
      text: 'patches:\r\n  - "@./a.yaml"\r\n  - "@./b.yaml"\r\nnodes: []\r\n',
    });
  });
});
