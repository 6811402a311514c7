import { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import { KUBERNETES_DIR } from '../../../src/clustertool/repo-index.ts';
import type { Generator } from '../../../src/engine/generator.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { dnsLabel } from '../../../src/inputs/checks.ts';
import type { InputSpec } from '../../../src/inputs/input-spec.ts';
import { secretInputs, type SecretAnswers } from '../secret-inputs.ts';
import { planClustertoolSecret } from './plan-clustertool-secret.ts';
import { answersOf } from '../../../src/inputs/answers-of.ts';

const inputs: InputSpec<ClustertoolContext>[] = [
  {
    name: 'app',
    message: 'App',
    help: 'app: an existing app (any layer)',
    type: 'choice',
    required: true,
    choices: (ctx) =>
      ctx.index.allApps().map(([layer, app]) => ({ name: `${app} (${layer})`, value: app })),
    validate: (v: string) => dnsLabel(v, 'app name'),
  },
  ...secretInputs<ClustertoolContext>(),
];

/**
 * `homeops secret` in a ClusterTool repo: an ExternalSecret from 1Password when the repo has a
 * 1Password ClusterSecretStore. Without one it refuses: the repo's other way is a SOPS-encrypted
 * `*.secret.yaml`, and homeops never writes a secret value, encrypted or not.
 */
export const clustertoolSecretGenerator: Generator<ClustertoolContext> = {
  name: 'secret',
  description:
    "an ExternalSecret for an app, its references picked from 1Password, wired into the app's container",
  inputs,
  context(repo) {
    const ctx = new ClustertoolContext(repo);
    if (ctx.secrets.stores().length === 0) throw noStore();
    return ctx;
  },
  plan: (ctx, answers) =>
    planClustertoolSecret(
      ctx,
      answers.app as string,
      answersOf<SecretAnswers, typeof ctx>(answers, inputs, ctx),
    ),
};

function noStore(): HomeopsError {
  return new HomeopsError(
    'CONFLICT',
    `this repo has no 1Password ClusterSecretStore under ${KUBERNETES_DIR}, and homeops never writes a secret value (plain or SOPS-encrypted)`,
    {
      field: 'store',
      fix:
        `either add External Secrets with a ClusterSecretStore for 1Password (provider onepasswordSDK or onepassword) under ${KUBERNETES_DIR}, then run this again; ` +
        `or keep the secret in SOPS as the repo does: write ${KUBERNETES_DIR}/<layer>/<app>/app/<app>.secret.yaml (a Secret), encrypt it with sops --encrypt --in-place <file> (.sops.yaml has the rule), and list it in the app's kustomization.yaml`,
    },
  );
}
