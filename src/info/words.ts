import type { GatewayRef } from '../repo/gateways.ts';
import type { GatewayInfo } from './info-model.ts';
import { compareText } from '../text/compare-text.ts';

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

/** Values by count, most used first (ties: first seen). */
export function byUse(values: readonly (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

/** Whether a list is in sorted order (how a new entry is placed in it). */
export const isSorted = (items: readonly string[]): boolean =>
  items.every((e, i) => i === 0 || compareText(items[i - 1] ?? '', e) <= 0);
