import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { learnDocument } from './learn-document.ts';
import type { Example } from './merge.ts';
import { readShapes } from './read-shape.ts';
import { compileRole } from './role.ts';

const probes = (app: string, body: string) => `---
kind: Container
metadata:
  name: ${app}
spec:
  probes:
${body}`;

const example = (app: string, body: string): Example => ({
  shape: readShapes(probes(app, body), { app })[0]!,
  features: {},
});

describe('a key one sibling writes as an alias and another as a node', () => {
  const siblings = [
    example('pdf', '    liveness: &probes\n      enabled: true\n    readiness: *probes\n'),
    example('wiki', '    liveness:\n      enabled: true\n'),
    example('notes', '    liveness:\n      enabled: true\n    readiness:\n      enabled: true\n'),
  ];

  it('counts the alias as what its anchor holds: two of three have a readiness probe', () => {
    const template = probes(
      'whoami',
      '    liveness: &probes\n      enabled: true\n    readiness: *probes\n',
    );
    const learned = parse(
      learnDocument(template, { app: 'whoami' }, siblings, compileRole({}), {}),
    ) as { spec: { probes: Record<string, unknown> } };
    expect(learned.spec.probes).toEqual({
      liveness: { enabled: true },
      readiness: { enabled: true },
    });
  });
});
