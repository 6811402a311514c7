import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from './repo-root.ts';

describe('findRepoRoot', () => {
  const top = mkdtempSync(join(tmpdir(), 'homeops-root-'));
  const deep = join(top, 'repo/kubernetes/apps/default');
  mkdirSync(deep, { recursive: true });

  it('is the start folder outside any git repo', () => {
    expect(findRepoRoot(deep, { GIT_CEILING_DIRECTORIES: top })).toBe(deep);
  });

  it('is the nearest folder up that holds .git, a folder or a worktree file', () => {
    mkdirSync(join(top, 'repo/.git'));
    expect(findRepoRoot(deep, {})).toBe(join(top, 'repo'));
    expect(findRepoRoot(join(top, 'repo'), {})).toBe(join(top, 'repo'));
    writeFileSync(join(top, 'repo/kubernetes/.git'), 'gitdir: ../elsewhere\n');
    expect(findRepoRoot(deep, {})).toBe(join(top, 'repo/kubernetes'));
  });

  it('never looks into or above GIT_CEILING_DIRECTORIES', () => {
    const ceiling = join(top, 'repo/kubernetes');
    expect(findRepoRoot(deep, { GIT_CEILING_DIRECTORIES: ceiling })).toBe(deep);
  });
});
