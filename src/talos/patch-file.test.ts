import { describe, expect, it } from 'vitest';
import { RepoTree } from '../tree/repo-tree.ts';
import { placePatch } from './patch-file.ts';

const EMPTY =
  '---\n# Patch for node k8s-3 only (strategic merge).\n# See patches/k8s-0/node.yaml for what k8s-0 sets here.\nmachine: {}\n';
const KERNEL = '---\n# Kernel modules\nmachine:\n  kernel:\n    modules:\n      - name: zfs\n';

describe('placePatch into a file that sets nothing yet', () => {
  it("takes the patch's settings under the file's own comments (a new node's machine: {})", () => {
    const tree = new RepoTree('/nonexistent/homeops-patch-file');
    tree.create('patches/k8s-3/node.yaml', EMPTY, 'patch');
    expect(placePatch(tree, 'patches/k8s-3/node.yaml', KERNEL, () => {})).toBe('merged');
    expect(tree.read('patches/k8s-3/node.yaml')).toBe(
      '---\n# Patch for node k8s-3 only (strategic merge).\n# See patches/k8s-0/node.yaml for what k8s-0 sets here.\n# Kernel modules\nmachine:\n  kernel:\n    modules:\n      - name: zfs\n',
    );
  });
});
