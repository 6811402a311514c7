/**
 * Every catalog patch, and a new node, on the synthetic repos of new shapes: each file written
 * validates against the official schema of the Talos version homeops reads from that repo (topf
 * v1.12 and v1.11 clusters, flat templates on v1.11), templates with their syntax masked.
 */
import { describe, expect, it } from 'vitest';
import { PATCH_CATALOG } from '../src/talos/patch-catalog.ts';
import { flatTemplates, topfClusters, writeRepo } from './support/new-shape-repos.ts';
import { changedFiles, flags } from './support/talos-repos.ts';
import { homeops, snapshotFiles } from './support/temp-repo.ts';
import { hasSchemas, repoSchemaVersion, validateTalosFile } from './talos/talos-schema.ts';
import type { TalosSchemaVersion } from './talos/talos-schema.ts';

/** Values for the catalog inputs without a default. */
const REQUIRED: Record<string, Record<string, string>> = {
  'kernel-modules': { modules: 'br_netfilter' },
  'install-disk': { disk: '/dev/nvme0n1' },
  'registry-mirror': { spegel: 'true', mirror: 'https://mirror.example.com' },
};

/** A new worker of each shape. */
const NODE = { hostname: 'w9', role: 'worker', disk: '/dev/nvme0n1', mac: '02:00:00:00:00:99' };

type Shape = [
  string,
  () => Record<string, string>,
  Record<string, string>,
  TalosSchemaVersion,
  string,
];
const SHAPES: Shape[] = [
  ['topf, cluster home', topfClusters, { cluster: 'home' }, 'v1.12', '10.1.0.99'],
  ['topf, cluster lab', topfClusters, { cluster: 'lab' }, 'v1.11', '172.16.5.99'],
  ['flat templates', flatTemplates, {}, 'v1.11', '10.9.0.99'],
];

describe.skipIf(!hasSchemas)(
  'new shapes: what node and patch write validates for the repo Talos version',
  () => {
    it.each(SHAPES)('%s', async (_name, files, given, version, ip) => {
      const repo = writeRepo(files());
      expect(repoSchemaVersion(repo, given['cluster'])).toBe(version);
      let written = 0;
      const start = snapshotFiles(repo);
      const node = await homeops('node', '--dest', repo, ...flags({ ...given, ...NODE, ip }));
      expect(node.code, node.stderr).toBe(0);
      const withNode = snapshotFiles(repo);
      for (const file of changedFiles(start, withNode))
        expect(validateTalosFile(file, withNode[file] ?? '', version), file).toEqual([]);
      for (const def of PATCH_CATALOG) {
        const before = snapshotFiles(repo);
        const result = await homeops(
          'patch',
          '--dest',
          repo,
          '--yes',
          ...flags({ ...given, patch: def.id, target: 'all', ...REQUIRED[def.id] }),
        );
        // refused where the repo sets it already, or has no file for it: nothing written, said why
        if (result.code !== 0) {
          expect(result.stderr, def.id).toMatch(/already sets|nothing was written/);
          expect(snapshotFiles(repo)).toEqual(before);
          continue;
        }
        const after = snapshotFiles(repo);
        for (const file of changedFiles(before, after)) {
          written++;
          expect(
            validateTalosFile(file, after[file] ?? '', version),
            `${file} (${def.id})`,
          ).toEqual([]);
        }
      }
      expect(written).toBeGreaterThan(5);
    });
  },
);
