import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addItem, addKey, editYaml, setScalar } from './edit-yaml.ts';
import { readsBack } from './read-back.ts';

/** The text with `line` put in before the first occurrence of `before`. */
const withLine = (text: string, before: string, line: string) => {
  expect(text).toContain(before);
  return text.replace(before, `${line}${before}`);
};

const grouped = `---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../components/common   # shared
  - ./namespace.yaml
  # databases
  - ./mariadb/ks.yaml
  - ./postgres/ks.yaml # primary
  # media
  - ./sabnzbd/ks.yaml
  # - ./sonarr/ks.yaml
  - ./tautulli/ks.yaml
`;
const ks = (item: string) => item.startsWith('./') && item.endsWith('/ks.yaml');

describe('addItem: sorted or appended', () => {
  it('goes in sorted place above the comment heading the next group, every comment kept', () => {
    const { text, changed, exact } = addItem(grouped, 'k.yaml', ['resources'], './redis/ks.yaml', {
      sorted: true,
      among: ks,
    });
    expect({ changed, exact }).toEqual({ changed: true, exact: true });
    expect(text).toBe(withLine(grouped, '  # media\n', '  - ./redis/ks.yaml\n'));
  });

  it('goes after the last item when appended, whatever it sorts as', () => {
    const { text } = addItem(grouped, 'k.yaml', ['resources'], './adguard/ks.yaml', 'end');
    expect(text).toBe(`${grouped}  - ./adguard/ks.yaml\n`);
  });

  it('keeps ./namespace.yaml and a ../ component where they are', () => {
    const { text } = addItem(grouped, 'k.yaml', ['resources'], './adguard/ks.yaml', {
      sorted: true,
      among: ks,
    });
    expect(text).toBe(withLine(grouped, '  # databases\n', '  - ./adguard/ks.yaml\n'));
  });

  it('counts commented-out items as places when asked, and goes right above its neighbour', () => {
    const place = { sorted: true as const, among: ks, commented: true };
    expect(addItem(grouped, 'k.yaml', ['resources'], './shoko/ks.yaml', place).text).toBe(
      withLine(grouped, '  # - ./sonarr/ks.yaml\n', '  - ./shoko/ks.yaml\n'),
    );
    expect(addItem(grouped, 'k.yaml', ['resources'], './syncthing/ks.yaml', place).text).toBe(
      withLine(grouped, '  - ./tautulli/ks.yaml\n', '  - ./syncthing/ks.yaml\n'),
    );
    // without commented places, the same entry goes above the comment of its next item
    expect(
      addItem(grouped, 'k.yaml', ['resources'], './syncthing/ks.yaml', { sorted: true, among: ks })
        .text,
    ).toBe(withLine(grouped, '  # - ./sonarr/ks.yaml\n', '  - ./syncthing/ks.yaml\n'));
  });

  it('goes right before or after a named item', () => {
    expect(
      addItem(grouped, 'k.yaml', ['resources'], './emby/ks.yaml', { before: './sabnzbd/ks.yaml' })
        .text,
    ).toBe(withLine(grouped, '  - ./sabnzbd/ks.yaml\n', '  - ./emby/ks.yaml\n'));
    expect(
      addItem(grouped, 'k.yaml', ['resources'], './mysql/ks.yaml', { after: './mariadb/ks.yaml' })
        .text,
    ).toBe(withLine(grouped, '  - ./postgres/ks.yaml', '  - ./mysql/ks.yaml\n'));
  });

  it('goes above the comment that describes the named item, under one that heads a group', () => {
    const described = `resources:
  - ./echo/ks.yaml
  # Dashboard; links come from 1Password
  - ./homepage/ks.yaml

  # documents
  - ./wiki/ks.yaml
  - ./zot/ks.yaml
`;
    const before = (item: string, next: string) =>
      addItem(described, 'k.yaml', ['resources'], item, { before: next }).text;
    expect(before('./foo/ks.yaml', './homepage/ks.yaml')).toBe(
      withLine(described, '  # Dashboard', '  - ./foo/ks.yaml\n'),
    );
    expect(before('./vault/ks.yaml', './wiki/ks.yaml')).toBe(
      withLine(described, '  - ./wiki/ks.yaml\n', '  - ./vault/ks.yaml\n'),
    );
  });

  it('quotes a string that would not read back as itself', () => {
    const { text } = addItem('patches:\n  - "@./a.yaml"\n', 't.yaml', ['patches'], '@./b.yaml');
    expect(text).toBe('patches:\n  - "@./a.yaml"\n  - "@./b.yaml"\n');
    expect(parse(text)).toEqual({ patches: ['@./a.yaml', '@./b.yaml'] });
  });
});

describe('addItem: flow lists', () => {
  it('takes a list written on one line, in sorted place and at the end, comment kept', () => {
    const flow = 'resources: [./a, ./c] # two\nkind: Kustomization\n';
    expect(addItem(flow, 'k.yaml', ['resources'], './b', { sorted: true }).text).toBe(
      'resources: [./a, ./b, ./c] # two\nkind: Kustomization\n',
    );
    expect(addItem(flow, 'k.yaml', ['resources'], './b').text).toBe(
      'resources: [./a, ./c, ./b] # two\nkind: Kustomization\n',
    );
  });

  it('writes a mapping in the braces style of the list', () => {
    const tight = 'envFrom: [{secretRef: {name: a}}]\n';
    expect(addItem(tight, 'h.yaml', ['envFrom'], { secretRef: { name: 'b' } }).text).toBe(
      'envFrom: [{secretRef: {name: a}}, {secretRef: {name: b}}]\n',
    );
    const padded = 'envFrom: [ { secretRef: { name: a } } ]\n';
    expect(addItem(padded, 'h.yaml', ['envFrom'], { secretRef: { name: 'b' } }).text).toBe(
      'envFrom: [ { secretRef: { name: a } }, { secretRef: { name: b } } ]\n',
    );
  });

  it('fills an empty flow list as a flow list when asked, as a block list otherwise', () => {
    const empty = 'patches: [] # none\n';
    expect(
      editYaml(empty, 't.yaml', [
        { kind: 'item', path: ['patches'], value: '@./a.yaml', emptyFlow: 'flow' },
      ]).text,
    ).toBe('patches: ["@./a.yaml"] # none\n');
    expect(addItem(empty, 't.yaml', ['patches'], '@./a.yaml').text).toBe(
      'patches: # none\n  - "@./a.yaml"\n',
    );
  });
});

describe('addItem: nested lists, line endings', () => {
  const talconfig = `nodes:
  - hostname: a # first
    patches:
      - "@./patches/a/x.yaml"
  - hostname: b
    patches: []
`;
  it('edits a list inside a list item, by index', () => {
    const { text } = addItem(talconfig, 't.yaml', ['nodes', 0, 'patches'], '@./patches/a/y.yaml');
    expect(text).toBe(withLine(talconfig, '  - hostname: b\n', '      - "@./patches/a/y.yaml"\n'));
    expect(addItem(talconfig, 't.yaml', ['nodes', 1, 'patches'], '@./b.yaml').text).toBe(
      talconfig.replace('    patches: []\n', '    patches:\n      - "@./b.yaml"\n'),
    );
  });

  it('adds a list item that is itself a list', () => {
    const matrix = 'rows:\n  - [1, 2]\n';
    expect(addItem(matrix, 'm.yaml', ['rows'], [3, 4]).text).toBe(
      'rows:\n  - [1, 2]\n  - - 3\n    - 4\n',
    );
  });

  it('keeps CRLF line endings and ends a file without a final newline with one', () => {
    const crlf = grouped.replaceAll('\n', '\r\n');
    const { text } = addItem(crlf, 'k.yaml', ['resources'], './redis/ks.yaml', {
      sorted: true,
      among: ks,
    });
    expect(text).toBe(withLine(crlf, '  # media\r\n', '  - ./redis/ks.yaml\r\n'));
    expect(addItem('resources:\n  - ./a', 'k.yaml', ['resources'], './b').text).toBe(
      'resources:\n  - ./a\n  - ./b\n',
    );
    expect(addItem('resources: [./a]', 'k.yaml', ['resources'], './b').text).toBe(
      'resources: [./a, ./b]',
    );
  });

  it('refuses what is not a list, naming the file and the fix', () => {
    expect(() => addItem('resources: ./a\n', 'k.yaml', ['resources'], './b')).toThrow(
      expect.objectContaining({
        code: 'YAML',
        file: 'k.yaml',
        message: 'cannot edit resources of k.yaml: it is not a list',
        fix: 'make the change by hand (add "- ./b" to resources)',
      }),
    );
  });
});

describe('addKey', () => {
  const spec = `spec:
  # how often
  interval: 1h
  path: ./app
  # cleanup
  prune: true
  wait: false
`;
  it('goes in sorted place above the next key and its comment, or at the end', () => {
    expect(addKey(spec, 'ks.yaml', ['spec'], 'dependsOn', [{ name: 'db' }], 'sorted').text).toBe(
      withLine(spec, '  # how often\n', '  dependsOn:\n    - name: db\n'),
    );
    expect(addKey(spec, 'ks.yaml', ['spec'], 'retryInterval', '2m', 'sorted').text).toBe(
      withLine(spec, '  wait: false\n', '  retryInterval: 2m\n'),
    );
    expect(addKey(spec, 'ks.yaml', ['spec'], 'dependsOn', [], 'end').text).toBe(
      `${spec}  dependsOn: []\n`,
    );
  });

  it('goes next to a key, as learned from siblings', () => {
    expect(
      addKey(spec, 'ks.yaml', ['spec'], 'targetNamespace', 'media', { after: 'path' }).text,
    ).toBe(withLine(spec, '  # cleanup\n', '  targetNamespace: media\n'));
    expect(addKey(spec, 'ks.yaml', ['spec'], 'timeout', '5m', { before: 'wait' }).text).toBe(
      withLine(spec, '  wait: false\n', '  timeout: 5m\n'),
    );
  });

  it('refuses a key that is there already', () => {
    expect(() => addKey(spec, 'ks.yaml', ['spec'], 'prune', false)).toThrow(/has prune already/);
  });
});

describe('setScalar', () => {
  const release = 'spec:\n  chart:\n    version: "4.3.0" # pinned\n  replicas: 1\n';
  it('keeps the quoting and the comment of the value it sets', () => {
    expect(setScalar(release, 'hr.yaml', ['spec', 'chart', 'version'], '4.4.0').text).toBe(
      release.replace('"4.3.0"', '"4.4.0"'),
    );
    expect(setScalar(release, 'hr.yaml', ['spec', 'replicas'], 2).text).toBe(
      release.replace('replicas: 1', 'replicas: 2'),
    );
  });

  it('quotes a string that would read back as a number, and does nothing when it is there', () => {
    const text = setScalar('tag: v1\n', 'x.yaml', ['tag'], '1.10').text;
    expect(parse(text)).toEqual({ tag: '1.10' });
    expect(setScalar(release, 'hr.yaml', ['spec', 'replicas'], 1)).toEqual({
      text: release,
      changed: false,
      exact: true,
    });
  });
});

describe('readsBack', () => {
  const before = 'a: 1 # one\nlist:\n  - x\nz: 2\n';
  const json = (data: unknown) => JSON.stringify(data);
  it('takes a text that only adds the intended lines and reads as the intended data', () => {
    const after = 'a: 1 # one\nlist:\n  - x\n  - y\nz: 2\n';
    expect(readsBack(before, after, json({ a: 1, list: ['x', 'y'], z: 2 }), [1, 2])).toBe(true);
  });

  it('refuses a text where a line outside the edited entry changed, or the data is not the intended', () => {
    const recommented = 'a: 1 # uno\nlist:\n  - x\n  - y\nz: 2\n';
    expect(readsBack(before, recommented, json({ a: 1, list: ['x', 'y'], z: 2 }), [1, 2])).toBe(
      false,
    );
    const other = 'a: 1 # one\nlist:\n  - x\n  - "y "\nz: 2\n';
    expect(readsBack(before, other, json({ a: 1, list: ['x', 'y'], z: 2 }), [1, 2])).toBe(false);
  });
});
