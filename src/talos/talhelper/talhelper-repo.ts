/**
 * A talhelper repo's Talos files: talconfig.yaml (text and document), the env file that fills its
 * `${VAR}` placeholders (talenv.yaml, or ClusterTool's SOPS-encrypted clusterenv.yaml, whose
 * values cannot be read), and the facts the node and patch generators check inputs against.
 */
import { posix } from 'node:path';
import type { Document } from 'yaml';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { parseYaml } from '../../yaml/parse-yaml.ts';
import { readTalconfigFacts } from '../talconfig-facts.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import { parseEnvFile } from '../vars.ts';
import type { Vars } from '../vars.ts';

export interface TalhelperRepo {
  /** The talconfig.yaml folder; patch refs (`@./patches/...`) resolve against it. */
  dir: string;
  file: string;
  text: string;
  doc: Document.Parsed;
  /** talenv.yaml beside talconfig.yaml, or ClusterTool's clusterenv.yaml one folder up. */
  envFile: string;
  /** ClusterTool (clusterenv.yaml, `./clustertool genconfig`) rather than plain talhelper. */
  clustertool: boolean;
  /** Readable values of the env file. */
  vars: Vars;
  /** Keys of the env file whose values are SOPS-encrypted (`ENC[...]`): known names, unknown values. */
  encrypted: string[];
  facts: TalconfigFacts;
}

/** SOPS keeps the key and encrypts the value: `VIP: ENC[AES256_GCM,data:...]`. */
const isEncrypted = (value: string): boolean => value.startsWith('ENC[');

export function readEnv(tree: RepoTree, file: string): { vars: Vars; encrypted: string[] } {
  const text = tree.read(file);
  if (text === undefined) return { vars: {}, encrypted: [] };
  const all = parseEnvFile(text, file);
  const vars: Record<string, string> = {};
  const encrypted: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (isEncrypted(value)) encrypted.push(key);
    else vars[key] = value;
  }
  return { vars, encrypted };
}

/** The env file that fills the placeholders: talenv(.sops).y(a)ml beside it, else ClusterTool's clusterenv.yaml. */
function envFileOf(tree: RepoTree, dir: string): { envFile: string; clustertool: boolean } {
  const near = ['talenv.yaml', 'talenv.yml', 'talenv.sops.yaml', 'talenv.sops.yml']
    .map((f) => posix.join(dir, f))
    .find((f) => tree.isFile(f));
  if (near) return { envFile: near, clustertool: false };
  const clusterenv = posix.join(posix.dirname(dir), 'clusterenv.yaml');
  if (tree.isFile(clusterenv)) return { envFile: clusterenv, clustertool: true };
  return { envFile: posix.join(dir, 'talenv.yaml'), clustertool: false };
}

/** Reads a talconfig.yaml (found by the Talos detection, so it exists). */
export function readTalhelperRepo(tree: RepoTree, file: string): TalhelperRepo {
  const text = tree.read(file) ?? '';
  const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const doc = parseYaml(text, file);
  const { envFile, clustertool } = envFileOf(tree, dir);
  const { vars, encrypted } = readEnv(tree, envFile);
  const facts = readTalconfigFacts(doc, { vars });
  return { dir, file, text, doc, envFile, clustertool, vars, encrypted, facts };
}
