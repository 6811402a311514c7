/** @kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository (kubernetes-models, vendored by scripts/vendor-validators.mjs) */
export declare const Model: new (data: unknown) => { validate(): void };
