/**
 * Test-only oracle: validates talconfig.yaml and Talos patch documents against the official JSON
 * schemas in ../shared/schemas (never copied into the project; tests skip when it is absent).
 * Never import this from src/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { parseAllDocuments, parseDocument } from 'yaml';
import { readConfig } from '../../src/repo/config.ts';
import { openTalos } from '../../src/talos/open-talos.ts';
import { isMasked, maskTemplate } from '../../src/talos/template-mask.ts';
import { RepoTree } from '../../src/tree/repo-tree.ts';

export const SCHEMAS_DIR =
  process.env['HOMEOPS_SCHEMAS_DIR'] ??
  fileURLToPath(new URL('../../../shared/schemas', import.meta.url));
export const hasSchemas =
  existsSync(`${SCHEMAS_DIR}/talconfig.json`) &&
  existsSync(`${SCHEMAS_DIR}/talos/v1.12/config.schema.json`);
export const TALOS_SCHEMA_VERSIONS = ['v1.11', 'v1.12', 'v1.13'] as const;
export type TalosSchemaVersion = (typeof TALOS_SCHEMA_VERSIONS)[number];

const newAjv = () => new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const format = (v: ValidateFunction): string[] =>
  (v.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` '${String(e.params['additionalProperty'])}'` : ''}`,
  );

let talconfigValidator: ValidateFunction | undefined;

/** Errors of a talconfig.yaml text (empty when valid). */
export function validateTalconfig(text: string): string[] {
  const validate = (talconfigValidator ??= newAjv().compile(
    readJson(`${SCHEMAS_DIR}/talconfig.json`),
  ));
  return validate(parseDocument(text).toJS()) ? [] : format(validate);
}

interface TalosSchema {
  validators: Map<string, ValidateFunction>;
}
const talosSchemas = new Map<TalosSchemaVersion, TalosSchema>();

/** One validator per document kind ('' = the v1alpha1 Config document), from the schema's oneOf. */
function talosSchema(version: TalosSchemaVersion): TalosSchema {
  const cached = talosSchemas.get(version);
  if (cached) return cached;
  const schema = readJson(`${SCHEMAS_DIR}/talos/${version}/config.schema.json`);
  const ajv = newAjv();
  ajv.addSchema(schema);
  const id = String(schema['$id']);
  const defs = schema['$defs'] as Record<string, { properties?: { kind?: { enum?: string[] } } }>;
  const validators = new Map<string, ValidateFunction>();
  for (const { $ref } of schema['oneOf'] as { $ref: string }[]) {
    const name = $ref.replace('#/$defs/', '');
    const kind = defs[name]?.properties?.kind?.enum?.[0] ?? '';
    validators.set(kind, ajv.getSchema(`${id}#/$defs/${name}`)!);
  }
  const built = { validators };
  talosSchemas.set(version, built);
  return built;
}

/** Strategic-merge directives are not config fields: drop every `$patch` key. */
export function stripPatchKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPatchKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== '$patch')
        .map(([k, v]) => [k, stripPatchKeys(v)]),
    );
  }
  return value;
}

/** Errors of every document of a patch text for one Talos version (empty when all are valid). */
export function validateTalosPatch(text: string, version: TalosSchemaVersion): string[] {
  const { validators } = talosSchema(version);
  const errors: string[] = [];
  parseAllDocuments(text).forEach((doc, i) => {
    if ('errors' in doc && doc.errors.length > 0)
      return void errors.push(`doc ${i}: ${doc.errors[0]!.message}`);
    const value = stripPatchKeys(doc.toJS()) as Record<string, unknown> | null;
    if (value === null) return;
    const kind = typeof value['kind'] === 'string' ? value['kind'] : '';
    const validate = validators.get(kind);
    if (!validate) return void errors.push(`doc ${i}: unknown kind "${kind}" for Talos ${version}`);
    if (!validate(value))
      errors.push(...format(validate).map((e) => `doc ${i} (${kind || 'v1alpha1'}): ${e}`));
  });
  return errors;
}

/** The value an ajv instancePath (`/machine/install/disk`) points at. */
function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      data,
    );
}

/**
 * Errors of a template (minijinja, Go template) for one Talos version, its template syntax masked:
 * statements become comments (so every branch is checked) and a value that is a template span
 * (`mtu: {{ .Node.Data.mtu }}`) is taken as unknown, never as a type error.
 */
export function validateTalosTemplate(text: string, version: TalosSchemaVersion): string[] {
  const { validators } = talosSchema(version);
  const errors: string[] = [];
  parseAllDocuments(maskTemplate(text).text).forEach((doc, i) => {
    if ('errors' in doc && doc.errors.length > 0)
      return void errors.push(`doc ${i}: ${doc.errors[0]!.message}`);
    const value = stripPatchKeys(doc.toJS()) as Record<string, unknown> | null;
    if (value === null) return;
    const kind = typeof value['kind'] === 'string' ? value['kind'] : '';
    const validate = validators.get(kind);
    if (!validate) return void errors.push(`doc ${i}: unknown kind "${kind}" for Talos ${version}`);
    if (validate(value)) return;
    const real = (validate.errors ?? []).filter((e) => !isMasked(valueAt(value, e.instancePath)));
    if (real.length === 0) return;
    errors.push(
      ...format({ ...validate, errors: real } as ValidateFunction).map(
        (e) => `doc ${i} (${kind || 'v1alpha1'}): ${e}`,
      ),
    );
  });
  return errors;
}

/** The check a generated file needs: talconfig.json, the Talos schema (templates masked), or none. */
export function validateTalosFile(
  file: string,
  text: string,
  version: TalosSchemaVersion,
): string[] {
  const name = file.split('/').at(-1) ?? file;
  if (file.startsWith('.github/')) return []; // CI workflows, not Talos documents
  if (/^talconfig\.ya?ml$/.test(name)) return validateTalconfig(text);
  if (/^topf\.ya?ml$/.test(name) || !/\.ya?ml(\.j2|\.tpl)?$/.test(name)) return [];
  if (/\.(j2|tpl)$/.test(name)) return validateTalosTemplate(text, version);
  return validateTalosPatch(text, version);
}

/**
 * The schema folder for the Talos version homeops reads from the repo (talosVersion, an installer
 * tag, the mise talos tool), so a test validates against the repo's version, not one it assumes.
 */
export function repoSchemaVersion(repo: string, cluster?: string): string {
  const tree = new RepoTree(repo);
  const backends = openTalos(tree, readConfig(tree).talos);
  const backend = backends.find((b) => cluster === undefined || b.cluster === cluster);
  if (!backend) throw new Error(`no Talos cluster ${cluster ?? ''} in ${repo}`);
  const { major, minor } = backend.talosVersion();
  return `v${major}.${minor}`;
}
