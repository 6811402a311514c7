import { LineCounter, parseAllDocuments, parseDocument, type Document } from 'yaml';
import { HomeopsError } from '../errors.ts';

/** Parse one YAML document; a syntax error names the file and line. */
export function parseYaml(
  text: string,
  file: string,
  options: { schema?: 'failsafe' } = {},
): Document.Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    keepSourceTokens: false,
    logLevel: 'error',
    ...options,
  });
  throwFirstError(doc.errors, lineCounter, file);
  return doc;
}

/** Parse a multi-document YAML file; a syntax error names the file and line. */
export function parseYamlDocuments(text: string, file: string): Document.Parsed[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, logLevel: 'error' });
  if ('empty' in docs) return [];
  for (const doc of docs) throwFirstError(doc.errors, lineCounter, file);
  return docs;
}

function throwFirstError(
  errors: readonly { message: string; pos: [number, number] }[],
  lc: LineCounter,
  file: string,
): void {
  const first = errors[0];
  if (!first) return;
  const { line } = lc.linePos(first.pos[0]);
  // the library's first line ends in `at line L, column C:` before a context it prints below
  throw new HomeopsError(
    'YAML',
    (first.message.split('\n')[0] ?? 'invalid YAML').replace(/:$/, ''),
    {
      file,
      line,
      fix: 'fix the YAML syntax of this file, then run the generator again',
    },
  );
}

/** The 1-based line of an offset, for error messages. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
