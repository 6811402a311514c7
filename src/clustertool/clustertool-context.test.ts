import { describe, expect, it } from 'vitest';
import { fixtureFiles, memoryRepo } from '../../test/support/memory-repo.ts';
import { ClustertoolContext } from './clustertool-context.ts';

const K = 'clusters/main/kubernetes';

/** The clustertool fixture whose core layer writes its Kustomizations with interval 30m and no wait. */
function coreWrittenOtherwise(): Record<string, string> {
  const edits: Record<string, string> = {};
  for (const [path, text] of Object.entries(fixtureFiles('clustertool')))
    if (path.startsWith(`${K}/core/`) && path.endsWith('/ks.yaml'))
      edits[path] = text
        .replace('  interval: 10m\n', '  interval: 30m\n')
        .replace('  wait: true\n', '');
  return edits;
}

describe('ClustertoolContext.conventions', () => {
  it('gives each layer the conventions of its own apps, whichever layer was asked first', () => {
    const ctx = new ClustertoolContext(memoryRepo('clustertool', coreWrittenOtherwise()));
    expect(ctx.conventions('apps').ks).toMatchObject({ interval: '10m', wait: true });
    expect(ctx.conventions('core').ks).toMatchObject({ interval: '30m', wait: null });
    expect(ctx.conventions('apps').ks).toMatchObject({ interval: '10m', wait: true });
  });

  it('a first call without a layer does not decide the layer of a later call', () => {
    const ctx = new ClustertoolContext(memoryRepo('clustertool', coreWrittenOtherwise()));
    expect(ctx.conventions().ks.interval).toBe('10m'); // the apps layer's apps come first
    expect(ctx.conventions('core').ks.interval).toBe('30m');
  });

  it('learns a layer once', () => {
    const ctx = new ClustertoolContext(memoryRepo('clustertool'));
    expect(ctx.conventions('core')).toBe(ctx.conventions('core'));
  });
});
