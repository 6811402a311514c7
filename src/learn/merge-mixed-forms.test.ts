import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { learnDocument } from './learn-document.ts';
import type { Example } from './merge.ts';
import { readShapes } from './read-shape.ts';
import { compileRole } from './role.ts';

const container = (app: string, env: string) => `---
kind: Container
metadata:
  name: ${app}
spec:
  image: ghcr.io/example/${app}:1.0.0
${env}`;

const example = (app: string, env: string): Example => ({
  shape: readShapes(container(app, env), { app })[0]!,
  features: {},
});

describe('a list one sibling has and another writes as a map', () => {
  // env as a list of name/value items in one app, by name in another, absent in a third
  const siblings = [
    example(
      'announcer',
      '  env:\n    - name: TAGS\n      value: drive\n    - name: BOT_TOKEN\n      value: x\n',
    ),
    example('homepage', '  env:\n    HOMEPAGE_ALLOWED_HOSTS: home.example.net\n'),
    example('proxy', ''),
  ];

  it("is not one sibling's items: each counts against all siblings that have the key", () => {
    const learned = parse(
      learnDocument(container('whoami', ''), { app: 'whoami' }, siblings, compileRole({}), {}),
    ) as { spec: Record<string, unknown> };
    expect(learned.spec).toEqual({ image: 'ghcr.io/example/whoami:1.0.0' });
  });
});
