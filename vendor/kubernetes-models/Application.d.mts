/** @kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application (kubernetes-models, vendored by scripts/vendor-validators.mjs) */
export declare const Model: new (data: unknown) => { validate(): void };
