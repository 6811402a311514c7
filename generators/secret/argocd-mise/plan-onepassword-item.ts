import type { MiseApp } from '../../../src/argocd-mise/apps-index.ts';
import { dig } from '../../../src/argocd-mise/apps-index.ts';
import type { ArgocdMiseContext } from '../../../src/argocd-mise/argocd-mise-context.ts';
import { syncK8sFolder } from '../../../src/argocd-mise/sync-k8s-folder.ts';
import type { PlanResult } from '../../../src/engine/generator.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { referenceSegment } from '../../../src/onepassword/reference-names.ts';
import { render } from '../../../src/render/templates.ts';
import { deploymentContainer, wireEnvFrom } from '../../../src/secrets/env-from.ts';
import { findItem, type MiseSecretAnswers } from './inputs.ts';

const ITEM_FILES = ['onepassword-items.yaml', 'onepassword-item.yaml'];

/**
 * A OnePasswordItem in the app's `k8s/onepassword-item(s).yaml` (appended as a new document when
 * the file exists), the app's Application made to sync k8s/, and the Secret the operator creates
 * wired into the app's Deployment as `envFrom`. Names only; no value is read or written.
 */
export async function planOnePasswordItem(
  ctx: ArgocdMiseContext,
  a: MiseSecretAnswers,
): Promise<PlanResult> {
  const app = ctx.app(a.app);
  if (!app)
    throw new HomeopsError('INVALID_INPUT', `no app "${a.app}" under src/apps/<group>/`, {
      field: 'app',
      fix: 'pass --app=<the folder name of one of the apps>',
    });
  if (!app.namespace) {
    throw new HomeopsError('CONFLICT', `${app.applicationFile} has no spec.destination.namespace`, {
      file: app.applicationFile,
      fix: 'set the destination namespace of the Application first',
    });
  }
  const tree = ctx.repo.tree;
  const itemPath = await resolveItemPath(ctx, a);
  const k8s = `${app.dir}/k8s`;
  const file =
    ITEM_FILES.map((f) => `${k8s}/${f}`).find((f) => tree.isFile(f)) ??
    `${k8s}/${ctx.conventions().onePasswordFile}`;
  const existing = sameNameItem(ctx, app, a.secretName);
  if (existing && existing.itemPath !== itemPath) {
    throw new HomeopsError(
      'CONFLICT',
      `app ${a.app} already has a OnePasswordItem ${a.secretName} for "${existing.itemPath}"`,
      {
        file: existing.file,
        field: 'secretName',
        fix: `pass another --secretName, or edit ${existing.file} by hand`,
      },
    );
  }
  if (!existing) {
    const rendered = render('argocd-mise/secret/onepassword-item.yaml', {
      secretName: a.secretName,
      namespace: app.namespace,
      item: a.item,
      vault: a.vault,
      itemPath,
    });
    const current = tree.read(file);
    tree.write(
      file,
      current === undefined || current.trim() === ''
        ? rendered
        : `${current}${current.endsWith('\n') ? '' : '\n'}---\n${rendered}`,
    );
  }

  const synced = syncK8sFolder(
    tree.read(app.applicationFile)!,
    app.applicationFile,
    ctx.gitRepoURL(),
    k8s,
  );
  tree.write(app.applicationFile, synced.text);
  const wired = wireEnvFrom(tree, `${k8s}/deployment.yaml`, deploymentContainer(a.app), [
    a.secretName,
  ]);

  const warnings: string[] = [];
  if (synced.did === 'source-to-sources')
    warnings.push(
      `${app.applicationFile} synced only its chart: its source is now the first of two sources, the second syncing ${k8s}/`,
    );
  if (synced.did === 'added-source')
    warnings.push(`${app.applicationFile} did not sync ${k8s}/: a source for it was added`);
  if (!wired)
    warnings.push(
      `no Deployment to wire it into (${k8s}/deployment.yaml): reference the Secret ${a.secretName} from the chart's values yourself (e.g. envFrom or extraEnvVars secretKeyRef)`,
    );
  return {
    summary: `OnePasswordItem ${a.secretName} (Secret ${a.secretName}, every field of 1Password item "${a.item}" in vault "${a.vault}") for ${a.app} in namespace ${app.namespace}: ${file}`,
    nextSteps: [
      `make sure 1Password item "${a.item}" in vault "${a.vault}" holds the fields the app needs (each field becomes a key of Secret ${a.secretName})`,
      'commit and push; the 1Password operator creates the Secret, and restarts nothing by itself: restart the app if it was running',
      `check it: kubectl -n ${app.namespace} get onepassworditem ${a.secretName}; kubectl -n ${app.namespace} get secret ${a.secretName}`,
    ],
    warnings,
  };
}

/** `vaults/<vault>/items/<item>`: titles when they are safe in a path, else IDs. */
async function resolveItemPath(ctx: ArgocdMiseContext, a: MiseSecretAnswers): Promise<string> {
  if (ctx.onePassword.isOffline(a.source))
    return `vaults/${referenceSegment('vault', { title: a.vault })}/items/${referenceSegment('item', { title: a.item })}`;
  const found = await findItem(ctx, a.source, a.vault, a.item);
  return `vaults/${referenceSegment('vault', found.vault)}/items/${referenceSegment('item', found.item)}`;
}

/** A OnePasswordItem of this name already in the app's k8s/ folder. */
function sameNameItem(
  ctx: ArgocdMiseContext,
  app: MiseApp,
  name: string,
): { file: string; itemPath: string } | undefined {
  for (const file of ctx.index.files().filter((f) => f.startsWith(`${app.dir}/k8s/`))) {
    for (const doc of ctx.index.docs(file)) {
      if (doc.kind === 'OnePasswordItem' && dig(doc, 'metadata', 'name') === name)
        return { file, itemPath: String(dig(doc, 'spec', 'itemPath')) };
    }
  }
  return undefined;
}
