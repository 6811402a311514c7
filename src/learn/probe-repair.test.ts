import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emitDocument } from './emit.ts';
import { repairAppTemplateProbes } from './probe-repair.ts';
import { readShapes } from './read-shape.ts';

const values = (probes: string) => `---
controllers:
  whoami:
    containers:
      app:
        probes:
${probes}`;

const repaired = (merged: string, template: string) => {
  const [root] = readShapes(merged);
  const [own] = readShapes(template);
  const out = repairAppTemplateProbes([])(root!.root, own!.root);
  return parse(emitDocument({ ...root!, root: out })).controllers.whoami.containers.app.probes;
};

describe('a learned custom probe left with no check', () => {
  it("becomes the chart's default probe with its timings (Kubernetes refuses a probe that checks nothing)", () => {
    const probes = repaired(
      values(
        '          liveness:\n            enabled: true\n            custom: true\n            spec:\n              tcpSocket:\n                port: 80\n          readiness:\n            enabled: true\n            custom: true\n            spec:\n              periodSeconds: 10\n',
      ),
      values(
        '          liveness:\n            enabled: true\n            custom: true\n            spec:\n              tcpSocket:\n                port: 80\n',
      ),
    );
    expect(probes.readiness).toEqual({ enabled: true, spec: { periodSeconds: 10 } });
    expect(probes.liveness.spec.tcpSocket).toEqual({ port: 80 });
  });
});
