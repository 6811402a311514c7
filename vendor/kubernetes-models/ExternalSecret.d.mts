/** @kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret (kubernetes-models, vendored by scripts/vendor-validators.mjs) */
export declare const Model: new (data: unknown) => { validate(): void };
