/** @kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization (kubernetes-models, vendored by scripts/vendor-validators.mjs) */
export declare const Model: new (data: unknown) => { validate(): void };
