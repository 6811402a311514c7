import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addApp } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

describe('a chart app (not app-template) with a route in an ApplicationSet of folders', () => {
  it('takes the port its route leads to', async () => {
    const repo = copyFixture('shapes/argocd-appset-dirs');
    const run = await addApp(
      repo,
      '--name=podinfo',
      '--group=tools',
      '--chart=oci://ghcr.io/stefanprodan/charts/podinfo',
      '--chartVersion=6.7.1',
      '--route=internal',
      '--hostname=podinfo.lab.example.net',
      '--port=9898',
    );
    expect(run.code, run.stderr).toBe(0);
    const dir = join(repo, 'my-apps/tools/podinfo');
    const written = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'))
      .join('\n');
    expect(written).toMatch(/port: 9898/);
  });
});
