import { emitDocument } from './emit.ts';
import { fillDocument } from './fill.ts';
import { mergeDocument, type Example } from './merge.ts';
import { readShapes } from './read-shape.ts';
import type { CompiledRole, FeatureSet } from './role.ts';
import type { DocShape } from './tree.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * A new document as its siblings would write it: the template (rendered for the new app) merged
 * with the siblings' documents of the same role, then written out with the app's names.
 */
export function learnDocument(
  template: string,
  vocab: Vocabulary,
  examples: readonly Example[],
  role: CompiledRole,
  features: FeatureSet,
  after: (doc: DocShape) => DocShape = (doc) => doc,
): string {
  return emitDocument(after(learnShape(template, vocab, examples, role, features)));
}

export function learnShape(
  template: string,
  vocab: Vocabulary,
  examples: readonly Example[],
  role: CompiledRole,
  features: FeatureSet,
): DocShape {
  const [shape] = readShapes(template, vocab);
  if (!shape) throw new Error(`the template for this file is not a YAML mapping:\n${template}`);
  return fillDocument(mergeDocument(shape, examples, role, features), vocab);
}
