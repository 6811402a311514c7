import type { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import { addToSecretsTable, type SecretsTableEntry } from '../../../src/argocd/secrets-table.ts';
import type { PlanResult } from '../../../src/engine/generator.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { toSecretKey } from '../../../src/onepassword/reference-names.ts';
import { deploymentContainer, wireEnvFrom } from '../../../src/secrets/env-from.ts';
import { keyOfField } from '../../../src/secrets/onepassword-inputs.ts';
import type { ArgocdSecretAnswers } from './secret-inputs.ts';

/**
 * One line per field in the bootstrap script's SECRETS table (the script reads each value from
 * 1Password at bootstrap; no value is read or written here), and `envFrom` for each Secret in the
 * app's Deployment. One Secret per key: the script applies each line as a whole Secret, so two
 * lines of the same Secret would replace each other's key.
 */
export function planSecretsTable(ctx: ArgocdContext, a: ArgocdSecretAnswers): PlanResult {
  const app = ctx.index.application(a.app);
  if (!app)
    throw new HomeopsError('INVALID_INPUT', `no Argo CD Application named "${a.app}"`, {
      field: 'app',
      fix: "pass --app=<the name of one of the repo's Applications>",
    });
  const namespace = app.namespace;
  if (!namespace)
    throw new HomeopsError(
      'CONFLICT',
      `the Application ${a.app} has no spec.destination.namespace`,
      {
        field: 'app',
        fix: 'set the destination namespace of the Application first',
      },
    );
  const script = ctx.paths.secretsScript;
  const text = ctx.repo.tree.read(script);
  if (text === undefined) {
    throw new HomeopsError(
      'CONFLICT',
      `this repo has no ${script}, which creates the Secrets from 1Password`,
      {
        file: script,
        fix: 'add the bootstrap script (a SECRETS=( "namespace|secret|key|item|field|ENV_VAR" ) table) first, or create the Secret by hand',
      },
    );
  }
  const entries: SecretsTableEntry[] = a.fields.map((field, i) => {
    const key = keyOfField(a.keys, a.fields, i);
    return {
      namespace,
      secret: secretName(a.app, key),
      key,
      item: a.item,
      field,
      envVar: toSecretKey(`${a.app} ${key}`),
    };
  });
  ctx.repo.tree.write(script, addToSecretsTable(text, script, entries));
  const secrets = entries.map((e) => e.secret);
  const deployment = `${ctx.index.manifestsOf(a.app)}/deployment.yaml`;
  const wired = wireEnvFrom(ctx.repo.tree, deployment, deploymentContainer(a.app), secrets);
  const warnings = wired
    ? []
    : [
        `no Deployment in ${deployment}: reference the Secret${secrets.length > 1 ? 's' : ''} ${secrets.join(', ')} from the app's chart values or manifests yourself`,
      ];
  return {
    summary: `Secret${secrets.length > 1 ? 's' : ''} ${secrets.join(', ')} in ${namespace} from 1Password item "${a.item}" (vault "${a.vault}"), listed in ${script}${wired ? `, wired into ${deployment}` : ''}`,
    nextSteps: [
      `check that 1Password item "${a.item}" in vault "${a.vault}" has the field${a.fields.length > 1 ? 's' : ''} ${a.fields.join(', ')}`,
      `create the Secret${secrets.length > 1 ? 's' : ''} in the cluster: cd kubernetes/bootstrap && ./setup-secrets.sh (or set ${entries.map((e) => e.envVar).join(', ')} to skip 1Password)`,
      `then: kubectl get secret ${secrets.join(' ')} -n ${namespace}`,
    ],
    warnings,
  };
}

/** `<app>-<key>`, as a Secret name (DNS-1123 subdomain). */
function secretName(app: string, key: string): string {
  const name = `${app}-${key
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')}`;
  if (name.length > 253 || name.endsWith('-'))
    throw new HomeopsError('INVALID_INPUT', `cannot make a Secret name from key "${key}"`, {
      field: 'keys',
      fix: 'use a key with letters or digits',
    });
  return name;
}
