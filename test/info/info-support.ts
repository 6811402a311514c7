import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { InfoModel } from '../../src/info/info-model.ts';
import { homeops, snapshotFiles } from '../support/temp-repo.ts';

/** `homeops info` on a folder, text and --json, checking that it wrote nothing. */
export async function info(root: string): Promise<{ model: InfoModel; text: string }> {
  const before = snapshotFiles(root);
  const json = await homeops('info', '--dest', root, '--json');
  const text = await homeops('info', '--dest', root);
  expect(json.stderr).toBe('');
  expect(json.code, json.stdout).toBe(0);
  expect(text.code, text.stderr).toBe(0);
  expect(snapshotFiles(root)).toEqual(before);
  const parsed = JSON.parse(json.stdout) as InfoModel & { ok: boolean };
  expect(parsed.ok).toBe(true);
  return { model: parsed, text: text.stdout };
}

/** A learned pattern (`<namespace>/<app>/ks.yaml`) with an app's words put in. */
export const fill = (pattern: string, words: Record<string, string | undefined>): string =>
  pattern.replace(/<([a-z]+)>/g, (m, w: string) => words[w] ?? m);

/** Repo-relative path of `rel` in `dir`, `..` resolved. */
export function joinPath(dir: string, rel: string): string {
  const out: string[] = dir ? dir.split('/') : [];
  for (const seg of rel.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Placeholders of the printed commands, filled with values that fixture can take. */
const FILL: Record<string, string> = {
  app: 'info-probe',
  namespace: 'info-probe',
  layer: 'info-probe',
  node: 'k8s-99',
  disk: '/dev/sda',
  mac: 'bc:24:11:3a:5f:99',
};

/**
 * Run a printed `homeops` command as a dry run in a copy of the repo; `extra` fills the
 * placeholders a repo's own names answer (a chart and version it uses).
 */
export async function runPrinted(
  root: string,
  command: string,
  extra: Record<string, string> = {},
  engine?: string,
): Promise<{ code: number; stderr: string }> {
  const copy = mkdtempSync(join(tmpdir(), 'homeops-info-run-'));
  cpSync(root, copy, { recursive: true });
  // a repo of both engines: the pin info tells the user to write first
  if (engine) appendFileSync(join(copy, '.homeops.yaml'), `engine: ${engine}\n`);
  const argv = command
    .replace(/<([a-zA-Z ]+)>/g, (m, w: string) => extra[w] ?? FILL[w] ?? m)
    .split(' ')
    .slice(1);
  expect(argv.join(' ')).not.toMatch(/<[^>]+>/);
  const run = await homeops(...argv, '--dest', copy, '--dry-run', '--yes');
  return { code: run.code, stderr: run.stderr };
}
