/**
 * `${VAR}` placeholders as talhelper (envsubst) and ClusterTool (clusterenv.yaml) use them,
 * and the flat env files (talenv.yaml, clusterenv.yaml) that fill them.
 */
import { isMap, isScalar } from 'yaml';
import { parseYaml } from '../yaml/parse-yaml.ts';
import { captured } from '../captured.ts';

/** `${NAME}`, `${NAME:-default}`, `${NAME:=default}`, `${NAME-default}`, `${NAME=default}`. */
const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])([^}]*))?\}/g;

export type Vars = Readonly<Record<string, string>>;

/** The variable names used in a string, in order of appearance, without repeats. */
export function placeholderNames(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => captured(m, 1));
  return [...new Set(names)];
}

/**
 * Substitutes every placeholder; undefined when one has neither a value nor a default
 * (the caller then compares the text literally).
 */
export function resolvePlaceholders(text: string, vars: Vars = {}): string | undefined {
  let missing = false;
  const out = text.replace(
    PLACEHOLDER,
    (_all, name: string, op: string | undefined, def: string | undefined) => {
      const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
      const empty = value === undefined || (op?.startsWith(':') === true && value === '');
      if (!empty) return value;
      if (op !== undefined) return def ?? '';
      missing = true;
      return _all;
    },
  );
  return missing ? undefined : out;
}

/** Resolved text when possible, else the text as written. */
export const resolveOrKeep = (text: string, vars: Vars = {}): string =>
  resolvePlaceholders(text, vars) ?? text;

/**
 * Reads a flat env file (talenv.yaml, clusterenv.yaml): top-level scalar keys to strings.
 * Nested values are skipped. Throws a YAML HomeopsError (with file and line) when unparsable.
 */
export function parseEnvFile(text: string, file = 'talenv.yaml'): Record<string, string> {
  const doc = parseYaml(text, file);
  const out: Record<string, string> = {};
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || pair.value.value === null) continue;
    const v = pair.value;
    // `1.10` must stay "1.10": take non-string plain scalars from the source text.
    out[String(pair.key.value)] =
      typeof v.value === 'string' || !v.range
        ? String(v.value)
        : text.slice(v.range[0], v.range[1]);
  }
  return out;
}
