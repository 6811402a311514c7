import { describe, expect, it } from 'vitest';
import { emitDocument } from './emit.ts';
import { readShapes } from './read-shape.ts';

/** A sibling's indentation is the new file's: two spaces, or four as some repos write. */
describe('the indentation of a file, learned and written back', () => {
  const four = [
    '---',
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '    name: grocy',
    'spec:',
    '    values:',
    '        controllers:',
    '            grocy:',
    '                containers:',
    '                    app:',
    '                        args:',
    '                            - --port=80',
    '        service:',
    '            app:',
    '                ports:',
    '                    - name: http',
    '                      port: 80',
    '',
  ].join('\n');

  it.each([
    ['four spaces', four],
    [
      'two spaces',
      four
        .replace(/^( +)/gm, (s) => ' '.repeat(s.length / 2))
        .replace('           port: 80', '            port: 80'),
    ],
  ])('writes a file of %s as it reads it', (_what, text) => {
    const [shape] = readShapes(text);
    expect(shape?.layout.indent).toBe(text.includes('\n    name') ? 4 : 2);
    expect(shape && emitDocument(shape)).toBe(text);
  });
});
