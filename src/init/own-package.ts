import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OwnPackage {
  name: string;
  version: string;
  /** The exact plop version this package is tested with (what a repo's `npx plop` should run). */
  plopVersion: string;
}

let found: OwnPackage | undefined;

/**
 * homeops-scaffold's own package.json, from the source (src/init/) or from the bundle (dist/):
 * the nearest one up from this module that names the package.
 */
export function ownPackage(): OwnPackage {
  if (found) return found;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
        name?: string;
        version?: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const plop = pkg.devDependencies?.plop ?? pkg.dependencies?.plop;
      if (pkg.name === 'homeops-scaffold' && pkg.version && plop)
        return (found = { name: pkg.name, version: pkg.version, plopVersion: plop });
    }
    if (dirname(dir) === dir) throw new Error('homeops-scaffold: cannot find its own package.json');
  }
}
