import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFiles, expectGolden, expectGoldenFiles } from './support/golden.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'homeops-goldens-'));

afterEach(() => {
  delete process.env['UPDATE_GOLDENS'];
});

describe('golden files', () => {
  it('a missing golden fails and is not written, naming the file and how to write it', () => {
    const root = scratch();
    expect(() => expectGolden('a: 1\n', 'app/x.yaml', root)).toThrow(
      'golden file golden/app/x.yaml is missing: write it with UPDATE_GOLDENS=1 npx vitest run <this test file>, then review the diff',
    );
    expect(existsSync(join(root, 'app/x.yaml'))).toBe(false);
  });

  it('a golden that differs fails; UPDATE_GOLDENS=1 writes it, and then it passes', () => {
    const root = scratch();
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, 'app/x.yaml'), 'a: 1\n');
    expect(() => expectGolden('a: 2\n', 'app/x.yaml', root)).toThrow(/golden\/app\/x\.yaml/);
    process.env['UPDATE_GOLDENS'] = '1';
    expectGolden('a: 2\n', 'app/x.yaml', root);
    expect(readFileSync(join(root, 'app/x.yaml'), 'utf8')).toBe('a: 2\n');
    delete process.env['UPDATE_GOLDENS'];
    expectGolden('a: 2\n', 'app/x.yaml', root);
  });

  it('a golden folder must hold exactly the changed files: one more or one fewer fails', () => {
    const root = scratch();
    mkdirSync(join(root, 'case/k'), { recursive: true });
    writeFileSync(join(root, 'case/k/a.yaml'), 'a\n');
    writeFileSync(join(root, 'case/k/b.yaml'), 'b\n');
    const after = { 'k/a.yaml': 'a\n', 'k/b.yaml': 'b\n', 'k/c.yaml': 'c\n' };
    expectGoldenFiles('case', after, ['k/a.yaml', 'k/b.yaml'], undefined, root);
    expect(() => expectGoldenFiles('case', after, ['k/a.yaml'], undefined, root)).toThrow(
      /the files the run changed vs the golden files of golden\/case/,
    );
    expect(() =>
      expectGoldenFiles('case', after, ['k/a.yaml', 'k/b.yaml', 'k/c.yaml'], undefined, root),
    ).toThrow(/the files the run changed vs the golden files of golden\/case/);
    // UPDATE_GOLDENS=1 makes the folder the run's files: c added, nothing stale left
    process.env['UPDATE_GOLDENS'] = '1';
    expectGoldenFiles('case', after, ['k/a.yaml', 'k/c.yaml'], undefined, root);
    expect(existsSync(join(root, 'case/k/b.yaml'))).toBe(false);
    expect(readFileSync(join(root, 'case/k/c.yaml'), 'utf8')).toBe('c\n');
  });

  it('changedFiles lists created and changed files, sorted, and fails on a deleted one', () => {
    expect(changedFiles({ b: '1', a: '1' }, { b: '2', a: '1', c: '3' })).toEqual(['b', 'c']);
    expect(() => changedFiles({ a: '1' }, {})).toThrow(/files the run deleted/);
  });
});
