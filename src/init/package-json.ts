import { HomeopsError } from '../errors.ts';

type Json = Record<string, unknown>;

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
];

/** The repo's package.json as data, or a refusal naming the file when it is not a JSON object. */
export function parsePackageJson(text: string): Json {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HomeopsError(
      'CONFLICT',
      `package.json is not valid JSON: ${(error as Error).message}`,
      {
        file: 'package.json',
        fix: 'fix the file (or move it away), then run homeops init again',
      },
    );
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new HomeopsError('CONFLICT', 'package.json is not a JSON object', {
      file: 'package.json',
      fix: 'fix the file (or move it away), then run homeops init again',
    });
  return data as Json;
}

/** Whether any dependency field already names the package (with any version, tarball or git URL). */
export function dependsOn(pkg: Json, name: string): boolean {
  return DEPENDENCY_FIELDS.some((field) => {
    const deps = pkg[field];
    return Boolean(deps && typeof deps === 'object' && name in deps);
  });
}

/**
 * A new package.json for a repo that has none: private (a GitOps repo is not published) and only
 * the exact devDependencies, the way `npm install --save-dev --save-exact` would write them.
 */
export function newPackageJson(devDependencies: Record<string, string>): string {
  return `${JSON.stringify({ private: true, devDependencies: sorted(devDependencies) }, null, 2)}\n`;
}

/**
 * `text` with these devDependencies added (those the file names nowhere yet), each in sorted place
 * among the others; written back with the file's own indentation and line ends, as npm does.
 * Undefined when nothing is missing.
 */
export function addDevDependencies(
  text: string,
  wanted: Record<string, string>,
): string | undefined {
  const pkg = parsePackageJson(text);
  const missing = Object.entries(wanted).filter(([name]) => !dependsOn(pkg, name));
  if (missing.length === 0) return undefined;
  const current = pkg.devDependencies;
  if (current !== undefined && (typeof current !== 'object' || Array.isArray(current) || !current))
    throw new HomeopsError('CONFLICT', 'devDependencies in package.json is not an object', {
      file: 'package.json',
      fix: 'make it an object of package names and versions, then run homeops init again',
    });
  const entries = Object.entries((current ?? {}) as Record<string, unknown>);
  for (const [name, version] of missing) {
    const at = entries.findIndex(([other]) => other.localeCompare(name, 'en') > 0);
    entries.splice(at < 0 ? entries.length : at, 0, [name, version]);
  }
  const next = { ...pkg, devDependencies: Object.fromEntries(entries) };
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^[{[][\r\n]+([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const body = JSON.stringify(next, null, indent).replaceAll('\n', newline);
  return /\r?\n$/.test(text) || text === '' ? `${body}${newline}` : body;
}

function sorted(deps: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b, 'en')));
}
