import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './temp-repo.ts';

export interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
}

function binEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = { ...process.env, ...env };
  delete clean.NODE_OPTIONS; // npm's .npmrc loads tsx; the bin is plain JS
  return clean;
}

/** The built `homeops` bin in a real process, without a terminal (stdin closed), as CI runs it. */
export function runBin(args: string[], env: Record<string, string> = {}): BinRun {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/homeops.mjs'), ...args], {
    encoding: 'utf8',
    env: binEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** The same, without blocking this process: for tests whose servers run in this process. */
export function runBinAsync(args: string[], env: Record<string, string> = {}): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/homeops.mjs'), ...args], {
      env: binEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
