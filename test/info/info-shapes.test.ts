import { describe, expect, it } from 'vitest';
import type { EngineInfo, InfoModel } from '../../src/info/info-model.ts';
import {
  loadShapeFixture,
  shapeFixtureNames,
  type ExpectedApp,
} from '../support/shape-fixtures.ts';
import { fill, info, joinPath } from './info-support.ts';

// homeops info on every shape fixture, against the fixture's truth file (*.expect.yaml): what
// it says about engines, clusters, apps, their folders and registration, stores and classes.

const engineOf = (m: InfoModel, engine: string): EngineInfo | undefined =>
  m.engines.find((e) => e.engine === engine);

/** The apps of an engine the truth lists (apps of both-engine fixtures say their engine). */
const appsOf = (apps: ExpectedApp[], engine: string, both: boolean) =>
  apps.filter((a) => !both || (a as ExpectedApp & { engine?: string }).engine === engine);

describe.each(shapeFixtureNames())('homeops info on shape %s', (name) => {
  const fx = loadShapeFixture(name);
  const truth = fx.expect;
  const both = truth.engine === 'both';

  it('names the engine, the clusters and every app where the truth file has it', async () => {
    const { model, text } = await info(fx.root);
    expect(model.engine).toBe(truth.engine);
    for (const engine of both ? ['flux', 'argocd'] : [truth.engine]) {
      const e = engineOf(model, engine);
      expect(e, engine).toBeDefined();
      if (!e) continue;
      if (engine === 'flux') {
        const clusters = e.clusters.map((c) => c.name);
        expect(clusters.sort()).toEqual(
          truth.clusters.length ? [...truth.clusters].sort() : [null],
        );
      }
      for (const a of appsOf(truth.apps, engine, both)) {
        // a flat repo's apps, to homeops, are its folders with a HelmRelease (flat-apps.ts)
        if (truth.shape === 'flat' && a.chart === 'none') continue;
        const cluster =
          e.clusters.find(
            (c) => (c.name ?? undefined) === (engine === 'flux' ? a.cluster : undefined),
          ) ?? e.clusters[0];
        const listed = cluster?.groups.flatMap((g) => g.apps) ?? [];
        for (const ks of a.kustomizations ?? [a.name]) {
          expect(listed, `${ks} in ${cluster?.name ?? 'the cluster'}`).toContain(ks);
          expect(text).toContain(ks);
        }
      }
      expect(e.apps?.count).toBe(e.clusters.flatMap((c) => c.groups.flatMap((g) => g.apps)).length);
    }
  });

  it('says where a Flux app lives and how it is registered, as the apps of the fixture are', async () => {
    const { model } = await info(fx.root);
    const e = engineOf(model, 'flux');
    if (!e) return;
    const apps = appsOf(truth.apps, 'flux', both).filter((a) => a.plain && a.entry);
    expect(apps.length).toBeGreaterThan(0);
    const matching = apps.filter((a) => {
      const words = { app: a.name, namespace: a.namespace, cluster: a.cluster };
      const cluster = e.clusters.find((c) => (c.name ?? undefined) === a.cluster);
      const group = cluster?.groups.find((g) => g.apps.includes(a.name));
      const entry =
        group && e.apps?.entryFile ? joinPath(group.dir, fill(e.apps.entryFile, words)) : '';
      const dir = e.apps?.appDir ? fill(e.apps.appDir, words) : '';
      const line = e.apps?.registration.line ? fill(e.apps.registration.line, words) : undefined;
      return (
        entry === a.entry &&
        dir === a.dir &&
        (a.registration === undefined || line === a.registration)
      );
    });
    // the conventions are the majority's: the plain apps (written as the repo writes apps) follow them
    expect(matching.map((a) => a.name)).toEqual(apps.map((a) => a.name));
  });

  it('lists the secret stores, vaults and storage classes the apps use', async () => {
    const { model, text } = await info(fx.root);
    const stores = model.engines.flatMap((e) => e.secrets.stores);
    for (const a of truth.apps) {
      const inputs = a.inputs ?? {};
      if (typeof inputs.store === 'string') {
        const store = stores.find((s) => s.name === inputs.store);
        expect(store, `store ${inputs.store}`).toBeDefined();
        if (typeof inputs.vault === 'string') expect(store?.vaults).toContain(inputs.vault);
        expect(text).toContain(inputs.store);
      }
      const flux = engineOf(model, 'flux');
      if (
        flux &&
        typeof inputs.storageClass === 'string' &&
        (!both || appsOf([a], 'flux', both).length)
      )
        expect(flux.storage.classes, a.name).toContain(inputs.storageClass);
    }
  });

  it('names the roots and ApplicationSets that deploy an Argo CD repo', async () => {
    const { model } = await info(fx.root);
    const e = engineOf(model, 'argocd');
    if (!e) return;
    const roots = e.clusters.flatMap((c) => c.roots);
    const sets = (truth as { applicationSets?: { file: string; name: string; paths: string[] }[] })
      .applicationSets;
    for (const s of sets ?? []) {
      const root = roots.find((r) => r.kind === 'ApplicationSet' && r.name === s.name);
      expect(root?.file, s.name).toBe(s.file);
      expect(root?.paths).toEqual(s.paths);
    }
    if (!both)
      for (const r of truth.bootstrap?.roots ?? [])
        expect(
          roots.some((x) => x.file === r.file && x.name === r.name),
          r.name,
        ).toBe(true);
  });
});
