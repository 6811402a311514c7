/** Turns patch documents into multi-document YAML text: each starts with `---`, comments first. */
import { Document } from 'yaml';

export interface PatchDocument {
  /** Plain data: the v1alpha1 partial config, or a typed document (apiVersion/kind/...). */
  value: unknown;
  /** Comment lines written under the document's `---`. */
  comment?: string;
}

export function renderDocuments(docs: readonly PatchDocument[]): string {
  return docs
    .map(({ value, comment }) => {
      const head = comment
        ? comment
            .split('\n')
            .map((l) => (l ? `# ${l}` : '#'))
            .join('\n') + '\n'
        : '';
      return `---\n${head}${new Document(value).toString({ lineWidth: 0, flowCollectionPadding: false })}`;
    })
    .join('');
}

/** A patch that changes nothing but is valid everywhere (talhelper skips empty files). */
export function renderEmptyPatch(comment: string): string {
  return renderDocuments([{ comment, value: { machine: {} } }]);
}
