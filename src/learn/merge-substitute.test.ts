import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENTRY } from '../engines/flux/roles.ts';
import { learnDocument } from './learn-document.ts';
import type { Example } from './merge.ts';
import { readShapes } from './read-shape.ts';

const entry = (app: string, postBuild: string) => `---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${app}
spec:
  path: ./apps/${app}
${postBuild}`;

const example = (app: string, storage: boolean, substitute?: string): Example => ({
  shape: readShapes(
    entry(app, substitute === undefined ? '' : `  postBuild:\n    substitute:\n${substitute}`),
    { app },
  )[0]!,
  features: { storage },
});

describe("a new entry's postBuild.substitute, learned from three siblings that have one", () => {
  // two with data (their capacity), one without; each names its own status page subdomain
  const siblings = [
    example(
      'grid',
      true,
      '      APP: grid\n      STATUS_SUBDOMAIN: grid\n      BACKUP_CAPACITY: 1Gi\n',
    ),
    example(
      'webui',
      true,
      '      APP: webui\n      STATUS_SUBDOMAIN: chat\n      BACKUP_CAPACITY: 5Gi\n',
    ),
    example('lattice', false, '      APP: lattice\n      STATUS_SUBDOMAIN: mesh\n'),
    example('toolhive', false),
  ];

  it("has the keys all of them share (APP), not one sibling's own value, for an app without data", () => {
    const learned = parse(
      learnDocument(entry('whoami', ''), { app: 'whoami' }, siblings, ENTRY, { storage: false }),
    ) as { spec: { postBuild?: { substitute: Record<string, string> } } };
    expect(learned.spec.postBuild?.substitute).toEqual({ APP: 'whoami' });
  });
});
