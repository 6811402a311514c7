import type { GatewayRef } from '../repo/gateways.ts';
import type { IngressClasses } from '../repo/ingress-classes.ts';
import type { GatewayInfo, GatewaysInfo } from './info-model.ts';

const WORDS: Record<string, string> = {
  app: '<app>',
  ns: '<namespace>',
  cluster: '<cluster>',
  group: '<group>',
  port: '<port>',
  release: '{{ .Release.Name }}',
};

/** A learned, abstract text (`⟪ns⟫/⟪app⟫/ks.yaml`) in a reader's words (`<namespace>/<app>/ks.yaml`). */
export const spelled = (text: string): string =>
  text.replace(/⟪([a-z]+)⟫/g, (_m, token: string) => WORDS[token] ?? `<${token}>`);

/** A learned text with one group's own words put in (`kubernetes/apps/⟪ns⟫` for media). */
export const spelledFor = (text: string, words: Partial<Record<string, string>>): string =>
  spelled(text.replace(/⟪([a-z]+)⟫/g, (m, token: string) => words[token] ?? m));

export const gatewayInfo = (g: GatewayRef | undefined): GatewayInfo | null =>
  g ? { name: g.name, namespace: g.namespace || null, sectionName: g.sectionName ?? null } : null;

const named = (name: string | undefined): GatewayInfo | null =>
  name ? { name, namespace: null, sectionName: null } : null;

/** Ingress classes as the info's ways in: which is internal, which external, all. */
export const ingressClassInfo = (classes: IngressClasses): GatewaysInfo => ({
  kind: 'ingress-class',
  internal: named(classes.internal),
  external: named(classes.external),
  all: classes.all.flatMap((name) => named(name) ?? []),
});
