import type { GatewayRef } from '../repo/gateways.ts';
import type { GatewayInfo } from './info-model.ts';

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
