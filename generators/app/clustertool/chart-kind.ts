import type { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import type { HelmRepositoryRef } from '../../../src/clustertool/repo-index.ts';
import type { Answers } from '../../../src/inputs/input-spec.ts';

export const isRepositoryUrl = (v: unknown): v is string =>
  typeof v === 'string' && /^(https?|oci):\/\//.test(v);

/**
 * The HelmRepository the answers name: an existing one (by name, or by URL), `undefined` for a
 * new URL, `null` while there is no usable answer.
 */
export function repositoryOf(
  ctx: ClustertoolContext,
  a: Answers,
): HelmRepositoryRef | undefined | null {
  const v = a.repository;
  if (typeof v !== 'string') return null;
  if (!isRepositoryUrl(v)) return ctx.index.helmRepository(v) ?? null;
  return ctx.index.helmRepositoryByUrl(v);
}

/** bjw-s app-template: controllers, service, ingress and persistence values of its own shape. */
export const isAppTemplate = (a: Answers): boolean => a.chart === 'app-template';

/** A TrueCharts chart: `ingress.main`, `service.main`, `persistence.config`, `TZ`. */
export function isTruecharts(ctx: ClustertoolContext, a: Answers): boolean {
  if (isAppTemplate(a)) return false;
  const repo = repositoryOf(ctx, a);
  const url = repo ? repo.url : typeof a.repository === 'string' ? a.repository : '';
  return repo?.name === 'truecharts' || /truecharts/.test(url);
}

/** A name for a new HelmRepository from its URL: `https://charts.jetstack.io` -> jetstack. */
export function newRepositoryName(url: string): string | undefined {
  const generic = [
    'charts',
    'chart',
    'helm',
    'helm-charts',
    'www',
    'oci',
    'io',
    'com',
    'org',
    'dev',
    'net',
    'github',
    'ghcr',
    'docker',
    'registry',
    'dl',
    'download',
    'downloads',
    'get',
    'pkg',
    'pkgs',
    'repo',
    'repos',
    'artifacts',
    'cdn',
    'static',
  ];
  const parsed = /^[a-z]+:\/\/([^/:]+)(?::\d+)?(\/.*)?$/.exec(url);
  if (!parsed) return undefined;
  const [, host = '', path = ''] = parsed; // the host group always matches
  const segments = path.split('/').filter((s) => s && !generic.includes(s.toLowerCase()));
  const labels = host.split('.').filter((l) => !generic.includes(l));
  const pick = segments[segments.length - 1] ?? labels[0];
  const name = pick
    ?.toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return name || undefined;
}
