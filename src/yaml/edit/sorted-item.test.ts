import { describe, expect, it } from 'vitest';
import type { EditResult } from './edit-types.ts';
import { addItem } from './edit-yaml.ts';

/** An item in sorted place among those `among` accepts, as a kustomization's resources take it. */
const insertSorted = (
  text: string,
  file: string,
  key: string,
  entry: string,
  among?: (item: string) => boolean,
): Omit<EditResult, 'exact'> => {
  const { text: out, changed } = addItem(text, file, [key], entry, { sorted: true, among });
  return { text: out, changed };
};

const isKs = (item: string) => item.endsWith('/ks.yaml');

const kustomization = `---
# yaml-language-server: $schema=https://json.schemastore.org/kustomization
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: default   # set for every resource

components:
  - ../../components/sops

resources:
  - ./namespace.yaml
  - ./echo/ks.yaml
  # needs the database first
  - ./paperless/ks.yaml
  # - ./disabled/ks.yaml
`;

describe('addItem in sorted place', () => {
  it('inserts in sorted place above the comment of the next entry, changing no other byte', () => {
    const { text, changed } = insertSorted(
      kustomization,
      'k.yaml',
      'resources',
      './homepage/ks.yaml',
      isKs,
    );
    expect(changed).toBe(true);
    expect(text).toBe(
      kustomization.replace(
        '  # needs the database first\n',
        '  - ./homepage/ks.yaml\n  # needs the database first\n',
      ),
    );
  });

  it('keeps ./namespace.yaml first even when the new entry sorts before it', () => {
    const { text } = insertSorted(kustomization, 'k.yaml', 'resources', './actual/ks.yaml', isKs);
    expect(text).toBe(
      kustomization.replace('  - ./echo/ks.yaml\n', '  - ./actual/ks.yaml\n  - ./echo/ks.yaml\n'),
    );
  });

  it('appends after the last entry (and before a trailing commented-out one)', () => {
    const { text } = insertSorted(kustomization, 'k.yaml', 'resources', './zigbee/ks.yaml', isKs);
    expect(text).toBe(
      kustomization.replace(
        '  - ./paperless/ks.yaml\n',
        '  - ./paperless/ks.yaml\n  - ./zigbee/ks.yaml\n',
      ),
    );
  });

  it('is a no-op when the entry is already there', () => {
    expect(insertSorted(kustomization, 'k.yaml', 'resources', './echo/ks.yaml', isKs)).toEqual({
      text: kustomization,
      changed: false,
    });
  });

  it('follows the indentation of the list', () => {
    const flat = 'resources:\n- ./a/ks.yaml\n- ./c/ks.yaml\n';
    expect(insertSorted(flat, 'k.yaml', 'resources', './b/ks.yaml').text).toBe(
      'resources:\n- ./a/ks.yaml\n- ./b/ks.yaml\n- ./c/ks.yaml\n',
    );
  });

  it('adds the key when it is missing, and fills an empty one', () => {
    expect(insertSorted('kind: Kustomization\n', 'k.yaml', 'resources', './a.yaml').text).toBe(
      'kind: Kustomization\nresources:\n  - ./a.yaml\n',
    );
    expect(
      insertSorted('kind: Kustomization\nresources:\n', 'k.yaml', 'resources', './a.yaml').text,
    ).toContain('- ./a.yaml');
  });

  it('keeps the CRLF line endings of a CRLF file', () => {
    const crlf = kustomization.replaceAll('\n', '\r\n');
    const { text } = insertSorted(crlf, 'k.yaml', 'resources', './homepage/ks.yaml', isKs);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('  - ./homepage/ks.yaml\r\n  # needs the database first');
  });

  it('splices the same way in a file that needs the full parser', () => {
    const anchored = `${kustomization}labels:\n  - pairs: &common {app: demo}\n`;
    const { text } = insertSorted(anchored, 'k.yaml', 'resources', './homepage/ks.yaml', isKs);
    expect(text).toBe(
      anchored.replace(
        '  # needs the database first\n',
        '  - ./homepage/ks.yaml\n  # needs the database first\n',
      ),
    );
    expect(insertSorted(anchored, 'k.yaml', 'resources', './zigbee/ks.yaml', isKs).text).toContain(
      '  - ./paperless/ks.yaml\n  - ./zigbee/ks.yaml\n',
    );
  });

  it('splices into a flow list in sorted place and in its style, changing no other byte', () => {
    const inline =
      'kind: Kustomization # the list\nresources: [./namespace.yaml, ./a/ks.yaml, ./c/ks.yaml] # sorted\n';
    expect(insertSorted(inline, 'k.yaml', 'resources', './b/ks.yaml', isKs).text).toBe(
      inline.replace('./c/ks.yaml]', './b/ks.yaml, ./c/ks.yaml]'),
    );
    expect(insertSorted(inline, 'k.yaml', 'resources', './d/ks.yaml', isKs).text).toBe(
      inline.replace('./c/ks.yaml]', './c/ks.yaml, ./d/ks.yaml]'),
    );
    const multiline = 'resources: [\n    ./a/ks.yaml,\n    ./c/ks.yaml,\n  ]\n';
    expect(insertSorted(multiline, 'k.yaml', 'resources', './b/ks.yaml', isKs).text).toBe(
      'resources: [\n    ./a/ks.yaml,\n    ./b/ks.yaml,\n    ./c/ks.yaml,\n  ]\n',
    );
    expect(insertSorted(multiline, 'k.yaml', 'resources', './d/ks.yaml', isKs).text).toBe(
      'resources: [\n    ./a/ks.yaml,\n    ./c/ks.yaml,\n    ./d/ks.yaml,\n  ]\n',
    );
    // the last item's line stays as it is, comment included
    const commented = 'resources: [\n  ./a/ks.yaml,\n  ./c/ks.yaml, # status\n]\n';
    expect(insertSorted(commented, 'k.yaml', 'resources', './d/ks.yaml', isKs).text).toBe(
      'resources: [\n  ./a/ks.yaml,\n  ./c/ks.yaml, # status\n  ./d/ks.yaml,\n]\n',
    );
    const bare = 'resources: [\n  ./a/ks.yaml,\n  ./c/ks.yaml # status\n]\n';
    expect(insertSorted(bare, 'k.yaml', 'resources', './d/ks.yaml', isKs).text).toBe(
      'resources: [\n  ./a/ks.yaml,\n  ./c/ks.yaml, # status\n  ./d/ks.yaml\n]\n',
    );
    const closing = 'resources: [\n  ./a/ks.yaml,\n  ./c/ks.yaml]\n';
    expect(insertSorted(closing, 'k.yaml', 'resources', './d/ks.yaml', isKs).text).toBe(
      'resources: [\n  ./a/ks.yaml,\n  ./c/ks.yaml,\n  ./d/ks.yaml]\n',
    );
    expect(insertSorted(inline, 'k.yaml', 'resources', './a/ks.yaml', isKs)).toEqual({
      text: inline,
      changed: false,
    });
  });

  it('gives an empty key or an empty flow list its first item on the next line, keeping its comment', () => {
    expect(
      insertSorted(
        'resources: # none yet\nkind: Kustomization\n',
        'k.yaml',
        'resources',
        './a.yaml',
      ).text,
    ).toBe('resources: # none yet\n  - ./a.yaml\nkind: Kustomization\n');
    expect(
      insertSorted('kind: Kustomization\nresources: ~\n', 'k.yaml', 'resources', './a.yaml').text,
    ).toBe('kind: Kustomization\nresources:\n  - ./a.yaml\n');
    expect(
      insertSorted('resources: [] # none yet\n', 'k.yaml', 'resources', './a/ks.yaml').text,
    ).toBe('resources: # none yet\n  - ./a/ks.yaml\n');
    expect(
      insertSorted('kind: Kustomization\nresources:', 'k.yaml', 'resources', './a.yaml').text,
    ).toBe('kind: Kustomization\nresources:\n  - ./a.yaml\n');
  });

  it('finds the line of an item whose value is below its dash, and the end of a block scalar item', () => {
    const below = 'resources:\n  - # the first\n    ./b\n';
    expect(insertSorted(below, 'k.yaml', 'resources', './c').text).toBe(`${below}  - ./c\n`);
    expect(insertSorted(below, 'k.yaml', 'resources', './a').text).toBe(
      `resources:\n  - ./a\n${below.slice('resources:\n'.length)}`,
    );
    const block = 'resources:\n  - ./a\n  - |\n    ./c\nkind: x\n';
    expect(insertSorted(block, 'k.yaml', 'resources', './d').text).toBe(
      'resources:\n  - ./a\n  - |\n    ./c\n  - ./d\nkind: x\n',
    );
  });

  it('keeps anchors and tags with their items in a flow list', () => {
    const anchored = 'resources: [./a, &x ./c] # c\nother: *x\n';
    expect(insertSorted(anchored, 'k.yaml', 'resources', './b').text).toBe(
      'resources: [./a, ./b, &x ./c] # c\nother: *x\n',
    );
    expect(insertSorted('resources: [!!str ./c]\n', 'k.yaml', 'resources', './b').text).toBe(
      'resources: [./b, !!str ./c]\n',
    );
  });

  it('refuses to edit an empty list it cannot splice without changing its meaning', () => {
    expect(() =>
      insertSorted('resources: &r []\nother: *r\n', 'k.yaml', 'resources', './a'),
    ).toThrow(expect.objectContaining({ code: 'YAML', file: 'k.yaml', line: 1 }));
    expect(() => insertSorted('? resources\n: []\n', 'k.yaml', 'resources', './a')).toThrow(
      /explicit key/,
    );
  });

  it('names the file and line of a YAML error', () => {
    expect(() => insertSorted('resources:\n  - a\n - b\n', 'bad.yaml', 'resources', './x')).toThrow(
      expect.objectContaining({ file: 'bad.yaml', line: 3 }),
    );
  });
});
