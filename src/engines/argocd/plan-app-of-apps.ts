import { posix } from 'node:path';
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import { majorityOf } from '../../learn/majority.ts';
import { abstractText, fillText, type Vocabulary } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import { sourcesOf } from './argo-objects.ts';
import { argoView } from './argo-view.ts';
import { learnApplication } from './application-doc.ts';
import type { AppEntry } from './app-entries.ts';
import { folderDocs } from './folder-docs.ts';
import { learnArgoConventions } from './folder-conventions.ts';

/**
 * An app of an app-of-apps repo: its Application in a folder a root Application reads (learned
 * from where the siblings' Applications are, checked against the root's sources), its chart
 * values and manifests where the siblings keep theirs, every file learned from the siblings'.
 */
export async function planAppOfApps(ctx: ArgoAppContext, spec: AppSpec): Promise<PlanResult> {
  const groups = ctx.groupNames();
  const group = spec.group ?? (groups.length <= 1 ? groups[0] : undefined);
  if (group === undefined && groups.length > 1)
    throw new HomeopsError('INVALID_INPUT', 'this repo keeps its apps in several groups', {
      field: 'group',
      fix: `pass --group=<one of: ${groups.join(', ')}>`,
    });
  const all = ctx.entries().filter((e) => e.app.name !== spec.name);
  const local = all.filter((e) => e.group === group);
  const entries = [...local, ...all.filter((e) => e.group !== group)];
  const examples = entries.map((e) => ({ ...e.example, local: e.group === group }));
  const conventions = learnArgoConventions(examples);
  const vocab: Vocabulary = {
    app: spec.name,
    ns: spec.namespace,
    ...(spec.port !== undefined ? { port: String(spec.port) } : {}),
    ...(group && group !== spec.namespace ? { group } : {}),
  };
  const from = local.length ? local : entries;
  const learnPath = (pick: (e: AppEntry) => string | undefined) => {
    const having = from.filter((e) => pick(e) !== undefined);
    if (having.length * 2 <= from.length) return undefined;
    const pattern = majorityOf(having, (e) => abstractText(pick(e) ?? '', e.example.vocab));
    return pattern ? fillText(pattern, vocab) : undefined;
  };
  const entryPath = learnPath((e) => e.app.object.file);
  if (!entryPath)
    throw new HomeopsError(
      'INVALID_INPUT',
      'the sibling Applications do not say where a new one goes',
      {
        field: 'group',
        fix: 'add the app by hand, following a sibling',
      },
    );
  const root = ctx.model.applications.find(
    (a) => a.git.some((s) => ctx.model.sourceReads(s, entryPath)) && a.name !== spec.name,
  );
  if (!root)
    throw new HomeopsError('INVALID_INPUT', `no root Application of this repo reads ${entryPath}`, {
      field: 'group',
      fix: `pass --group=<one of: ${groups.join(', ')}>`,
    });
  const other = ctx.model.applications.find(
    (a) => a.name === spec.name && a.object.file !== entryPath,
  );
  if (other)
    throw new HomeopsError(
      'CONFLICT',
      `an Application named ${spec.name} already exists (${other.object.file})`,
      { field: 'name', file: other.object.file, fix: 'choose another --name' },
    );
  const manifestsDir = learnPath((e) => e.manifestsDir);
  const valuesFile = learnPath((e) => e.valuesFile);
  const view = argoView(ctx, spec, vocab, conventions, examples);
  if (view.chart) view.chart.valuesFile = valuesFile ?? null;
  const { files, inlineValues, features } = await folderDocs(ctx, spec, vocab, view, examples, {
    ...conventions,
    values: valuesFile ? { kind: 'file', file: valuesFile } : { kind: 'inline' },
  });
  const own = [...files.keys()].filter((f) => f !== valuesFile);
  if (own.length > 0 && !manifestsDir)
    throw new HomeopsError(
      'INVALID_INPUT',
      `the sibling Applications keep no manifests folder for the ${own.join(', ')} this app needs`,
      { fix: 'leave --route, --storage and --secret out, and add them by hand' },
    );
  const repoURL =
    majorityOf(
      root.git.length
        ? sourcesOf(dig(root.object.data, 'spec')).flatMap((s) => str(s.repoURL) ?? [])
        : [],
      (u) => u,
    ) ?? '';
  const application = learnApplication(
    ctx.model,
    entries,
    {
      app: spec.name,
      namespace: spec.namespace,
      chart: view.chart
        ? { repo: view.chart.repo, name: view.chart.name, version: view.chart.version }
        : null,
      valuesRef: valuesFile ? `$values/${valuesFile}` : null,
      manifestsDir:
        own.length > 0 || from.some((e) => e.manifestsDir) ? (manifestsDir ?? null) : null,
      repoURL,
      valuesObject: inlineValues,
    },
    vocab,
    features,
  );
  const conflict = (path: string) => ({
    message: `app ${spec.name} already exists and differs from what these inputs generate (${path})`,
    field: 'name',
    fix: 'choose another --name, or remove the existing app first: homeops never overwrites an app',
  });
  ctx.repo.tree.create(entryPath, application, conflict(entryPath));
  for (const [name, text] of files) {
    const path = name === valuesFile ? name : posix.join(manifestsDir ?? '', name);
    ctx.repo.tree.create(path, text, conflict(path));
  }
  const source = root.git.find((s) => ctx.model.sourceReads(s, entryPath));
  const by = `root Application ${root.name} (${root.object.file}, source ${source?.path ?? ''}${source?.recurse ? ' recursively' : ''})`;
  return {
    summary: `app ${spec.name} in namespace ${spec.namespace}: ${entryPath}, read by ${by}`,
    nextSteps: [
      ...(spec.secret
        ? [
            `check that 1Password item "${spec.secret.item}" has the fields ${spec.secret.fields.join(', ') || 'the app needs'}`,
          ]
        : []),
      `review ${valuesFile !== undefined && files.has(valuesFile) ? valuesFile : entryPath}`,
      `commit and push: ${by} syncs ${entryPath} (nothing to register)`,
      `watch it: kubectl get application ${spec.name} -n ${root.object.namespace ?? 'argocd'}`,
    ],
    warnings: [],
  };
}
