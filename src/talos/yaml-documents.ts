/** Every document of a multi-document YAML text (an empty text has none), errors kept on each. */
import { parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';

export function documentsOf(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text);
  return Array.isArray(docs) ? docs : [];
}
