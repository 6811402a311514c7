import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addApp, WHOAMI } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

/**
 * The ApplicationSet-of-folders shape with a team level above the categories:
 * my-apps/<team>/<category>/<app>, media and home kept by team-a, the others by team-b.
 */
function teamsAboveCategories(): string {
  const repo = copyFixture('shapes/argocd-appset-dirs');
  const apps = join(repo, 'my-apps');
  for (const [team, categories] of [
    ['team-a', ['media', 'home']],
    ['team-b', ['tools', 'infrastructure', 'sandbox']],
  ] as const) {
    mkdirSync(join(apps, team));
    for (const category of categories) renameSync(join(apps, category), join(apps, team, category));
  }
  const appSet = join(repo, 'argocd/appsets/my-apps.yaml');
  const text = readFileSync(appSet, 'utf8')
    .replace('- path: my-apps/*/*\n', '- path: my-apps/*/*/*\n')
    .replace('- path: my-apps/sandbox/*', '- path: my-apps/*/sandbox/*')
    .replace('index .path.segments 1', 'index .path.segments 2');
  expect(text).toContain('my-apps/*/*/*');
  writeFileSync(appSet, text);
  return repo;
}

describe('a folder level above the group (a team) in an ApplicationSet of folders', () => {
  it("is filled as the group's own folders have it", async () => {
    const repo = teamsAboveCategories();
    const run = await addApp(repo, '--name=whoami', '--group=media', ...WHOAMI, '--route=none');
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(repo, 'my-apps/team-a/media/whoami'))).toBe(true);
  });
});
