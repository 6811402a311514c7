/** @kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease (kubernetes-models, vendored by scripts/vendor-validators.mjs) */
export declare const Model: new (data: unknown) => { validate(): void };
