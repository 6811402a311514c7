/** Whether a YAML document is a Flux Kustomization (not a kustomize one). */
export function isFluxKustomization(doc: Record<string, unknown> | undefined): boolean {
  return (
    doc?.kind === 'Kustomization' &&
    String(doc.apiVersion).startsWith('kustomize.toolkit.fluxcd.io/')
  );
}
