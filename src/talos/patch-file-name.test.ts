import { describe, expect, it } from 'vitest';
import { RepoTree } from '../tree/repo-tree.ts';
import { patchFileName } from './patch-file-name.ts';

/** An in-memory repo of the given files (the root does not exist on disk). */
function repo(files: readonly string[]): RepoTree {
  const tree = new RepoTree('/nonexistent/homeops-patch-file-name');
  for (const f of files) tree.create(f, '---\nmachine: {}\n', 'patch');
  return tree;
}

const name = (files: readonly string[], dir: string, others: readonly string[] = []) =>
  patchFileName(repo(files), dir, others, 'sysctls');

describe('patchFileName: NN-<name>.yaml numbered as the siblings are', () => {
  it('takes the next number after the highest, in the siblings width', () => {
    expect(name(['t/all/00-install.yaml', 't/all/01-network.yaml.tpl'], 't/all')).toBe(
      't/all/02-sysctls.yaml',
    );
    expect(name(['t/all/001-a.yaml', 't/all/002-b.yaml', 't/all/009-c.yaml'], 't/all')).toBe(
      't/all/010-sysctls.yaml',
    );
  });

  it('counts in tens when the repo does: 40- after 10-, 20-, 30-, and 20- after a lone 10- there', () => {
    const files = ['t/all/10-net.yaml.tpl', 't/all/20-kubelet.yaml', 't/all/30-install.yaml'];
    expect(name(files, 't/all')).toBe('t/all/40-sysctls.yaml');
    expect(name([...files, 't/cp/10-vip.yaml'], 't/cp', ['t/all'])).toBe('t/cp/20-sysctls.yaml');
    // a 25- among them makes the step five
    expect(name([...files, 't/all/25-x.yaml'], 't/all')).toBe('t/all/35-sysctls.yaml');
  });

  it('keeps counting in ones when one number says nothing about a step', () => {
    expect(name(['t/cp/10-vip.yaml'], 't/cp')).toBe('t/cp/11-sysctls.yaml');
    expect(name(['t/all/00-a.yaml', 't/all/10-b.yaml', 't/all/11-c.yaml'], 't/all')).toBe(
      't/all/12-sysctls.yaml',
    );
  });

  it('starts a new folder where the other folders start', () => {
    expect(name(['t/all/10-a.yaml', 't/all/20-b.yaml'], 't/worker', ['t/all'])).toBe(
      't/worker/10-sysctls.yaml',
    );
  });

  it('names unnumbered folders <name>.yaml, and reuses a file of that name', () => {
    expect(name(['t/all/registries.yaml'], 't/all')).toBe('t/all/sysctls.yaml');
    expect(name(['t/all/00-a.yaml', 't/all/03-sysctls.yaml'], 't/all')).toBe(
      't/all/03-sysctls.yaml',
    );
  });
});
