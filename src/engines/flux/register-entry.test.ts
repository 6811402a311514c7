import { describe, expect, it } from 'vitest';
import { RepoTree } from '../../tree/repo-tree.ts';
import { registerEntry } from './register-entry.ts';

const FILE = 'kubernetes/apps/default/kustomization.yaml';
const head = '---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';

/** The step alone, on a one-file repo in memory: the file after it. */
function register(text: string, line: string, appEntries: string[]): string | undefined {
  const tree = RepoTree.inMemory({ [FILE]: text });
  registerEntry(tree, FILE, line, appEntries);
  return tree.changes().find((c) => c.path === FILE)?.after;
}

describe('registerEntry (in memory)', () => {
  it('puts the line in sorted place among sorted app lines, keeping comments and other items', () => {
    const text = `${head}resources:\n  - ./namespace.yaml\n  - ./echo/ks.yaml\n  # the dashboard\n  - ./homepage/ks.yaml\n`;
    expect(register(text, './whoami/ks.yaml', ['./echo/ks.yaml', './homepage/ks.yaml'])).toBe(
      `${text}  - ./whoami/ks.yaml\n`,
    );
    const plain = `${head}resources:\n  - ./alpha/ks.yaml\n  - ./gamma/ks.yaml\n`;
    expect(register(plain, './beta/ks.yaml', ['./alpha/ks.yaml', './gamma/ks.yaml'])).toBe(
      plain.replace('  - ./gamma', '  - ./beta/ks.yaml\n  - ./gamma'),
    );
  });

  it('adds after the last app line when the app lines are not sorted', () => {
    const text = `${head}resources:\n  - ./zeta/ks.yaml\n  - ./alpha/ks.yaml\n  - ./extra.yaml\n`;
    expect(register(text, './beta/ks.yaml', ['./zeta/ks.yaml', './alpha/ks.yaml'])).toBe(
      text.replace('  - ./alpha/ks.yaml\n', '  - ./alpha/ks.yaml\n  - ./beta/ks.yaml\n'),
    );
  });

  it('groups an overlay line with the lines of its own folder', () => {
    const text = `${head}resources:\n  - ../../base/default/namespace.yaml\n  - ../../base/default/echo\n  - ../../base/media/namespace.yaml\n  - ../../base/media/plex\n`;
    const apps = ['../../base/default/echo', '../../base/media/plex'];
    expect(register(text, '../../base/default/whoami', apps)).toBe(
      text.replace(
        '  - ../../base/default/echo\n',
        '  - ../../base/default/echo\n  - ../../base/default/whoami\n',
      ),
    );
  });

  it('changes nothing for a line that is there', () => {
    const text = `${head}resources:\n  - ./echo/ks.yaml\n`;
    expect(register(text, './echo/ks.yaml', ['./echo/ks.yaml'])).toBeUndefined();
  });

  it('adds to a flow list through the structural editor', () => {
    const text = `${head}resources: [./echo/ks.yaml]\n`;
    expect(register(text, './whoami/ks.yaml', ['./echo/ks.yaml'])).toBe(
      `${head}resources: [./echo/ks.yaml, ./whoami/ks.yaml]\n`,
    );
  });
});
