import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../src/cli/main.ts';

export const ROOT = join(import.meta.dirname, '../..');

/** A fresh copy of a fixture repo in a temporary folder. */
export function copyFixture(name: string): string {
  const dest = mkdtempSync(join(tmpdir(), `homeops-${name.replaceAll('/', '-')}-`));
  cpSync(join(ROOT, 'test/fixtures', name), dest, { recursive: true });
  return dest;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in-process, as a script without a terminal would run it. */
export async function homeops(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    interactive: false,
    io: { out: (t) => (stdout += t), err: (t) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

/** Every file of a folder with its content, to prove that nothing (or what) was written. */
export function snapshotFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return out;
}

export const hasKubectl =
  spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

/** `kubectl kustomize DIR`: throws with kustomize's message when the folder does not build. */
export function kustomize(dir: string, flags: readonly string[] = []): string {
  return execFileSync('kubectl', ['kustomize', ...flags, dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
