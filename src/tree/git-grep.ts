import { spawnSync } from 'node:child_process';

/**
 * The YAML files under `dirs` of the git work tree at `root` whose text holds `needle`, as git
 * finds them (tracked and untracked, not ignored): one process instead of reading every file of a
 * repo of thousands of apps. Undefined where git cannot tell (no git, not a work tree), and the
 * caller reads the files itself.
 */
export function gitGrepYaml(
  root: string,
  needle: string,
  dirs: readonly string[],
): string[] | undefined {
  const specs = dirs.flatMap((d) =>
    ['yaml', 'yml'].map((ext) => `:(glob)${d === '' ? '' : `${d}/`}**/*.${ext}`),
  );
  let run;
  try {
    run = spawnSync(
      'git',
      ['-C', root, 'grep', '-l', '-I', '-z', '--untracked', '-F', '-e', needle, '--', ...specs],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      },
    );
  } catch {
    return undefined;
  }
  // 0: files found, 1: none; anything else (128: not a work tree) and git could not tell
  if (run.error || (run.status !== 0 && run.status !== 1)) return undefined;
  return run.stdout.split('\0').filter(Boolean);
}
