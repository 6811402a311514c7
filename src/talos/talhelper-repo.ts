/**
 * A talhelper repo's Talos files: talconfig.yaml (text and document), the env file that fills its
 * `${VAR}` placeholders (talenv.yaml, or ClusterTool's SOPS-encrypted clusterenv.yaml, whose
 * values cannot be read), and the facts the node and patch generators check inputs against.
 */
import type { Document } from 'yaml';
import { HomeopsError } from '../errors.ts';
import type { TalosLayout } from '../layouts/layout.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { readTalconfigFacts } from './talconfig-facts.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';
import { parseEnvFile } from './vars.ts';
import type { Vars } from './vars.ts';
import { parseYaml } from '../yaml/parse-yaml.ts';

export type TalhelperLayout = Extract<TalosLayout, { kind: 'talhelper' }>;

export interface TalhelperRepo {
  layout: TalhelperLayout;
  /** The talconfig.yaml folder; patch refs (`@./patches/...`) resolve against it. */
  dir: string;
  file: string;
  text: string;
  doc: Document.Parsed;
  envFile: string;
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

export function readTalhelperRepo(tree: RepoTree, layout: TalhelperLayout): TalhelperRepo {
  const file = `${layout.dir}/talconfig.yaml`;
  const text = tree.read(file);
  if (text === undefined) {
    throw new HomeopsError(
      'LAYOUT',
      `${file} does not exist: this repo keeps its Talos nodes there`,
      {
        file,
        fix: `create ${file} (talhelper's cluster definition) first, or set "layout:" in .homeops.yaml if the detection is wrong`,
      },
    );
  }
  const doc = parseYaml(text, file);
  const { vars, encrypted } = readEnv(tree, layout.envFile);
  const facts = readTalconfigFacts(doc, { vars });
  return {
    layout,
    dir: layout.dir,
    file,
    text,
    doc,
    envFile: layout.envFile,
    vars,
    encrypted,
    facts,
  };
}
