/** The Talos library used by the `node` and `patch` generators. */
export * from './net.ts';
export * from './vars.ts';
export * from './talos-version.ts';
export { detectIndentSeq, renderBlock } from '../yaml/block-text.ts';
export { addToYaml } from '../yaml/splice.ts';
export type { EditResult, YamlAddition, YamlPath } from '../yaml/splice.ts';
export { readTalconfigFacts, mostUsed } from './talconfig-facts.ts';
export type { TalconfigFacts, TalconfigFactsOptions, NodeFacts } from './talconfig-facts.ts';
export type { DiskShape } from './talconfig-node.ts';
export * from './node-input.ts';
export { addNode } from './add-node.ts';
export type { AddNodeOptions, AddNodeResult, PatchFile } from './add-node.ts';
export * from './patch-catalog.ts';
export { renderDocuments, renderEmptyPatch } from './patches/render.ts';
export type { PatchDocument } from './patches/render.ts';
export * from './patch-refs.ts';
