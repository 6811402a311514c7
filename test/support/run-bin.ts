import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './temp-repo.ts';

/** The built `homeops` bin in a real process, without a terminal (stdin closed), as CI runs it. */
export function runBin(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const clean = { ...process.env, ...env };
  delete clean.NODE_OPTIONS; // npm's .npmrc loads tsx; the bin is plain JS
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/homeops.mjs'), ...args], { encoding: 'utf8', env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
