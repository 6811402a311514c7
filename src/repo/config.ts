import { isMap, isScalar, type Document } from 'yaml';
import { HomeopsError } from '../errors.ts';
import { LAYOUT_IDS, type LayoutId } from '../layouts/layout.ts';
import { readTalosPin, type TalosPin } from '../talos/talos-pin.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { lineOf, parseYaml } from '../yaml/parse-yaml.ts';

export const CONFIG_FILE = '.homeops.yaml';

/** Conventions a repo may pin instead of having them learned from its files. */
export interface ConventionOverrides {
  routeIn?: 'values' | 'file';
  storageIn?: 'values' | 'file';
  schemaHost?: string | null;
  domain?: string;
  gatewayInternal?: string;
  gatewayExternal?: string;
  gatewayNamespace?: string;
  gatewaySectionName?: string | null;
  storageClass?: string;
  podUser?: number;
}

export interface RepoConfig {
  layout?: LayoutId;
  /** The GitOps engine new apps are written for, in a repo that has both Flux and Argo CD objects. */
  engine?: 'flux' | 'argocd';
  /** Input defaults per generator: `defaults.app.route: internal`. */
  defaults: Record<string, Record<string, unknown>>;
  conventions: ConventionOverrides;
  /** Where the Talos nodes are, when detection needs help. */
  talos?: TalosPin;
  /** The line of a key of the file (`['defaults', 'app', 'route']`), for errors; 1 when absent. */
  lineOf(path: string[]): number;
}

/** The generators `defaults:` may name (generators/index.ts registers exactly these). */
export const GENERATOR_NAMES = ['app', 'namespace', 'node', 'patch', 'secret'] as const;

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Whether a convention's value is one it can take. */
const CONVENTION_VALUES: Record<keyof ConventionOverrides, (v: unknown) => boolean> = {
  routeIn: (v) => v === 'values' || v === 'file',
  storageIn: (v) => v === 'values' || v === 'file',
  schemaHost: (v) =>
    v === null || (typeof v === 'string' && /^https?:\/\/[^\s/]+(\/[^\s]*[^\s/])?$/.test(v)),
  domain: (v) => typeof v === 'string' && /^[^\s/]+$/.test(v),
  gatewayInternal: (v) => typeof v === 'string' && NAME.test(v),
  gatewayExternal: (v) => typeof v === 'string' && NAME.test(v),
  gatewayNamespace: (v) => typeof v === 'string' && NAME.test(v),
  gatewaySectionName: (v) => v === null || (typeof v === 'string' && NAME.test(v)),
  storageClass: (v) => typeof v === 'string' && SUBDOMAIN.test(v),
  podUser: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 31,
};

const CONVENTION_KEYS: Record<keyof ConventionOverrides, string> = {
  routeIn: 'values | file',
  storageIn: 'values | file',
  schemaHost:
    'a URL such as https://kubernetes-schemas.pages.dev (no trailing /), or null for no schema lines',
  domain: 'the domain placeholder, such as ${SECRET_DOMAIN}',
  gatewayInternal: 'a Gateway name',
  gatewayExternal: 'a Gateway name',
  gatewayNamespace: 'the Gateways namespace',
  gatewaySectionName: 'a listener name, or null',
  storageClass: 'a StorageClass name',
  podUser: 'a user id such as 1000',
};

/** Read `.homeops.yaml` at the repo root (absent: empty config). Unknown keys are errors. */
export function readConfig(tree: RepoTree): RepoConfig {
  const text = tree.read(CONFIG_FILE);
  const config: RepoConfig = { defaults: {}, conventions: {}, lineOf: () => 1 };
  if (text === undefined) return config;
  const doc = parseYaml(text, CONFIG_FILE);
  config.lineOf = (path) => lineOf(text, findKeyOffset(doc, path) ?? 0);
  if (doc.contents === null) return config;
  if (!isMap(doc.contents))
    throw configError(doc, text, [], 'must be a mapping', 'see the README, section "Config file"');
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    if (key === 'layout') {
      if (!LAYOUT_IDS.includes(value as LayoutId)) {
        throw configError(
          doc,
          text,
          ['layout'],
          `layout "${String(value)}" is unknown`,
          `use one of: ${LAYOUT_IDS.join(', ')}`,
        );
      }
      config.layout = value as LayoutId;
    } else if (key === 'defaults') {
      if (value !== null && (typeof value !== 'object' || Array.isArray(value)))
        throw configError(
          doc,
          text,
          ['defaults'],
          'must be a mapping of generator -> input -> value',
          'e.g. defaults: { app: { route: internal } }',
        );
      // an empty section (all of it commented out) is no defaults
      const defaults = Object.fromEntries(
        Object.entries(value ?? {}).map(([generator, inputs]) => [generator, inputs ?? {}]),
      );
      for (const [generator, inputs] of Object.entries(defaults)) {
        if (!(GENERATOR_NAMES as readonly string[]).includes(generator)) {
          throw configError(
            doc,
            text,
            ['defaults', generator],
            `unknown generator "${generator}"`,
            `use one of: ${GENERATOR_NAMES.join(', ')}`,
          );
        }
        if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs)) {
          throw configError(
            doc,
            text,
            ['defaults', generator],
            'must be a mapping of input -> value',
            `e.g. defaults: { ${generator}: { <input>: <value> } }`,
          );
        }
      }
      config.defaults = defaults as RepoConfig['defaults'];
    } else if (key === 'conventions') {
      if (value !== null && (typeof value !== 'object' || Array.isArray(value)))
        throw configError(
          doc,
          text,
          ['conventions'],
          'must be a mapping of convention -> value',
          'e.g. conventions: { routeIn: values }',
        );
      for (const [name, setting] of Object.entries((value ?? {}) as object)) {
        // own keys only: `__proto__`, `toString` and the like are no conventions
        if (!Object.hasOwn(CONVENTION_KEYS, name)) {
          throw configError(
            doc,
            text,
            ['conventions', name],
            `unknown convention "${name}"`,
            `known: ${Object.keys(CONVENTION_KEYS).join(', ')}`,
          );
        }
        const key = name as keyof ConventionOverrides;
        if (!CONVENTION_VALUES[key](setting)) {
          throw configError(
            doc,
            text,
            ['conventions', name],
            `${JSON.stringify(setting)} is not a value ${name} can take`,
            `${name}: ${CONVENTION_KEYS[key]}`,
          );
        }
      }
      // a plain copy: the conventions are read by name, and no key may reach a prototype
      config.conventions = Object.fromEntries(Object.entries(value ?? {})) as ConventionOverrides;
    } else if (key === 'engine') {
      if (value !== 'flux' && value !== 'argocd')
        throw configError(
          doc,
          text,
          ['engine'],
          `engine "${String(value)}" is unknown`,
          'use flux or argocd',
        );
      config.engine = value;
    } else if (key === 'talos') {
      config.talos = readTalosPin(value, (path, message, fix) =>
        configError(doc, text, ['talos', ...path], message, fix),
      );
    } else {
      throw configError(
        doc,
        text,
        [key],
        `unknown key "${key}"`,
        'known keys: layout, defaults, conventions, talos, engine',
      );
    }
  }
  return config;
}

function configError(
  doc: Document.Parsed,
  text: string,
  path: string[],
  message: string,
  fix: string,
): HomeopsError {
  const node = path.length
    ? (doc.getIn(path, true) as { range?: [number, number, number] } | undefined)
    : undefined;
  const key = path.length ? findKeyOffset(doc, path) : undefined;
  const offset = key ?? node?.range?.[0] ?? 0;
  return new HomeopsError('LAYOUT', `${path.join('.') || 'config'}: ${message}`, {
    file: CONFIG_FILE,
    line: lineOf(text, offset),
    fix,
  });
}

function findKeyOffset(doc: Document.Parsed, path: string[]): number | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find(
    (p) => isScalar(p.key) && String(p.key.value) === path[path.length - 1],
  );
  return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
}
