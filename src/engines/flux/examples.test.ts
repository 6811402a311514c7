import { describe, expect, it } from 'vitest';
import { fixtureFiles, memoryRepo } from '../../../test/support/memory-repo.ts';
import { EXAMPLE_LIMIT } from './examples.ts';
import { FluxAppContext } from './flux-app-context.ts';

const FIXTURE = 'shapes/flux-kebab';

/** flux-kebab with two more copies of its media namespace: more apps than a new app learns from. */
function manyApps(): Record<string, string | null> {
  const edits: Record<string, string | null> = {};
  for (const [path, text] of Object.entries(fixtureFiles(FIXTURE))) {
    if (!path.startsWith('kubernetes/apps/media/')) continue;
    for (const ns of ['media2', 'media3'])
      edits[path.replace('/media/', `/${ns}/`)] = text
        .replaceAll('namespace: media', `namespace: ${ns}`)
        .replaceAll('kubernetes/apps/media/', `kubernetes/apps/${ns}/`);
  }
  return edits;
}

const learnedFrom = (edits: Record<string, string | null>) => {
  const ctx = new FluxAppContext(memoryRepo(FIXTURE, edits));
  const cluster = ctx.cluster(undefined);
  const group = ctx.model.groupOfNamespace(cluster, 'media');
  const app = { name: 'sonarr', namespace: 'media' };
  return ctx
    .learn({ cluster, group, app }, undefined)
    .examples.map((e) => `${e.vocab.ns}/${e.app.ks.name}`);
};

describe('the apps a new app is learned from', () => {
  it('are the same whether the app is registered already or not (a second run learns as the first)', () => {
    const edits = manyApps();
    const before = learnedFrom({
      ...edits,
      'kubernetes/apps/media/kustomization.yaml': (
        fixtureFiles(FIXTURE)['kubernetes/apps/media/kustomization.yaml'] ?? ''
      ).replace('  - ./sonarr/ks.yaml\n', ''),
    });
    const after = learnedFrom(edits);
    expect(after).toHaveLength(EXAMPLE_LIMIT);
    expect(after).not.toContain('media/sonarr');
    expect(after).toEqual(before);
  });
});
