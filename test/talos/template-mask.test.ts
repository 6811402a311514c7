import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { isMasked, maskTemplate } from '../../src/talos/template-mask.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const templates = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return templates(path);
    return /\.(j2|tpl)$/.test(name) ? [path] : [];
  });

describe('maskTemplate: template syntax out of the way of the YAML parser, and back byte for byte', () => {
  it.each(templates(FIXTURES).map((f) => [f.slice(FIXTURES.length + 1), f]))(
    '%s parses once masked and unmasks to the same bytes',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const masked = maskTemplate(text);
      expect(masked.templated).toBe(/\{\{|\{%|#\{/.test(text));
      expect(masked.text.split('\n')).toHaveLength(text.split('\n').length);
      expect(
        parseAllDocuments(masked.text).flatMap((d) => ('errors' in d ? d.errors : [])),
      ).toEqual([]);
      expect(masked.unmask(masked.text)).toBe(text);
    },
  );

  it('turns statements alone on their line into comments, and values into plain tokens', () => {
    const text = [
      'machine:',
      '  install:',
      '{{- if .Node.Data.installDisk }}',
      '    disk: {{ .Node.Data.installDisk }}',
      '{{- end }}',
      '    {% if ENV.IS_CONTROLPLANE %}',
      '    key: op://vault/item/KEY',
      '    {% endif %}',
      '  nodeLabels:',
      '    zone: "#{ node.zone }#"',
      'cluster: {{ .Data.cluster | toYaml }}',
      '',
    ].join('\n');
    const masked = maskTemplate(text);
    const doc = parseAllDocuments(masked.text)[0];
    const data =
      doc && 'toJS' in doc
        ? (doc.toJS() as Record<string, Record<string, Record<string, string>>>)
        : {};
    expect(isMasked(data['machine']?.['install']?.['disk'])).toBe(true);
    expect(data['machine']?.['install']?.['key']).toBe('op://vault/item/KEY');
    expect(isMasked(data['machine']?.['nodeLabels']?.['zone'])).toBe(true);
    expect(isMasked(data['cluster'])).toBe(true);
    expect(masked.text).toContain('\n#__tpl0__\n');
    expect(masked.text).toContain('\n    #__tpl3__\n');
    // an edit of the masked text keeps the spans it did not touch
    const edited = masked.text.replace('op://vault/item/KEY', 'op://vault/item/OTHER');
    expect(masked.unmask(edited)).toBe(
      text.replace('op://vault/item/KEY', 'op://vault/item/OTHER'),
    );
  });

  it('leaves text without template syntax as it is', () => {
    const masked = maskTemplate('machine:\n  type: worker # a comment {not a template}\n');
    expect(masked.templated).toBe(false);
    expect(masked.text).toBe('machine:\n  type: worker # a comment {not a template}\n');
  });
});
