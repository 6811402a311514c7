import { parse } from 'yaml';

/**
 * Flux's post-build variable substitution (kustomize-controller, `spec.postBuild`): before it
 * applies what a Kustomization built, it replaces every `${VAR}` in it, and reads `$$` as one `$`
 * (so `$${VAR}` stays `${VAR}`, as the Flux docs say). A value homeops writes literally into such
 * a file (a 1Password item title or field label) is escaped here, so that after the substitution
 * it is the value again; values meant to be substituted (a hostname `app.${SECRET_DOMAIN}`) are not.
 */

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/** Whether a postBuild block substitutes anything: `substitute` entries or `substituteFrom` sources. */
function substitutesIn(postBuild: unknown): boolean {
  const block = record(postBuild);
  if (!block) return false;
  const vars = record(block.substitute);
  const from = block.substituteFrom;
  return (
    (vars !== undefined && Object.keys(vars).length > 0) || (Array.isArray(from) && from.length > 0)
  );
}

/** Whether a Flux Kustomization substitutes variables in what it deploys (its own postBuild). */
export function substitutesVariables(ks: unknown): boolean {
  return substitutesIn(record(record(ks)?.spec)?.postBuild);
}

/**
 * Whether a Flux Kustomization patches the Kustomizations it deploys with a postBuild that
 * substitutes (cluster-template and ClusterTool give every app `substituteFrom` this way), as a
 * strategic-merge patch or as JSON 6902 operations on `/spec/postBuild`.
 */
export function patchesInSubstitution(ks: unknown): boolean {
  const patches = record(record(ks)?.spec)?.patches;
  if (!Array.isArray(patches)) return false;
  return patches.some((entry) => {
    const p = record(entry);
    const target = record(p?.target);
    if (target?.kind !== undefined && target.kind !== 'Kustomization') return false;
    let body: unknown;
    try {
      body = typeof p?.patch === 'string' ? parse(p.patch) : undefined;
    } catch {
      return false;
    }
    if (Array.isArray(body))
      return body.some((op) => {
        const path = record(op)?.path;
        return typeof path === 'string' && path.startsWith('/spec/postBuild');
      });
    const kind = record(body)?.kind;
    return (target !== undefined || kind === 'Kustomization') && substitutesVariables(body);
  });
}

/**
 * A value as it must be written in a file Flux substitutes to arrive as itself: each `$` that
 * Flux would read as the start of `${...}` or of the escape `$$` is doubled. `My ${X} item` ->
 * `My $${X} item`; a `$` before anything else is left as it is.
 */
export function escapeForFlux(value: string): string {
  return value.replace(/\$(?=[{$])/g, '$$$$');
}

/**
 * Whether Flux substitutes variables in a folder that `deployer` (a Kustomization) deploys:
 * through its own postBuild, or one that a Kustomization `above` it patches in.
 */
export function substitutedBy(deployer: unknown, above: readonly unknown[]): boolean {
  return substitutesVariables(deployer) || above.some(patchesInSubstitution);
}
