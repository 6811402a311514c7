import { describe, expect, it } from 'vitest';
import { newRepositoryName } from './chart-kind.ts';

describe('newRepositoryName', () => {
  it.each([
    ['https://dl.gitea.com/charts/', 'gitea'],
    ['https://charts.jetstack.io', 'jetstack'],
    ['https://bjw-s-labs.github.io/helm-charts/', 'bjw-s-labs'],
    ['https://kubernetes-sigs.github.io/external-dns/', 'external-dns'],
  ])('names the HelmRepository of %s after what it serves: %s', (url, name) => {
    expect(newRepositoryName(url)).toBe(name);
  });
});
