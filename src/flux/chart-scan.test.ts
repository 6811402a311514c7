import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mostUsedChartTag as count } from './chart-scan.ts';
import { ociRepositoryTags } from './oci-repository-tags.ts';

const mostUsedChartTag = (dir: string, url: string) => count(dir, url, ociRepositoryTags);

const URL = 'oci://ghcr.io/bjw-s-labs/helm/app-template';

function repo(apps: [string, string][]): string {
  const root = mkdtempSync(join(tmpdir(), 'homeops-charts-'));
  apps.forEach(([tag, url], i) => {
    const dir = join(root, 'kubernetes/apps', `ns${i % 3}`, `app${i}`, 'app');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'ocirepository.yaml'),
      `---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: app${i}\nspec:\n  interval: 15m\n  ref:\n    tag: ${tag}\n  url: ${url}\n`,
    );
  });
  return join(root, 'kubernetes/apps');
}

describe('mostUsedChartTag', () => {
  it('counts the tags of one chart URL over every app', () => {
    const apps: [string, string][] = [
      ['4.3.0', URL],
      ['4.3.0', URL],
      ['4.4.0', URL],
      ['9.9.9', 'oci://ghcr.io/other/chart'],
      ['9.9.9', 'oci://ghcr.io/other/chart'],
      ['9.9.9', 'oci://ghcr.io/other/chart'],
    ];
    expect(mostUsedChartTag(repo(apps), URL)).toBe('4.3.0');
    expect(mostUsedChartTag(repo(apps), 'oci://ghcr.io/other/chart')).toBe('9.9.9');
    expect(mostUsedChartTag(repo(apps), 'oci://ghcr.io/none/chart')).toBeUndefined();
  });

  it('gives the same answer as a full count when it stops early', () => {
    const apps: [string, string][] = Array.from({ length: 40 }, (_, i) => [
      i % 5 === 0 ? '4.3.0' : '4.4.0',
      URL,
    ]);
    expect(mostUsedChartTag(repo(apps), URL)).toBe('4.4.0');
    // a late majority must still win: 10 of one tag first, then 11 of another
    const late: [string, string][] = [
      ...Array.from({ length: 10 }, (): [string, string] => ['1.0.0', URL]),
      ...Array.from({ length: 11 }, (): [string, string] => ['2.0.0', URL]),
    ];
    expect(mostUsedChartTag(repo(late), URL)).toBe('2.0.0');
  });

  it('breaks ties by the highest tag, and reads files that need the full parser', () => {
    const root = repo([
      ['1.0.0', URL],
      ['2.0.0', URL],
    ]);
    writeFileSync(
      join(root, 'ns0/app0/app/ocirepository.yaml'),
      `---\nkind: OCIRepository\nmetadata: {name: app0}\nspec:\n  ref: {tag: "3.0.0"}\n  url: ${URL}\n`,
    );
    expect(mostUsedChartTag(root, URL)).toBe('3.0.0');
  });
});
