/** kubernetes-models/v1/PersistentVolumeClaim (kubernetes-models, vendored by scripts/vendor-validators.mjs) */
export declare const Model: new (data: unknown) => { validate(): void };
