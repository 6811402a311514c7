/** @kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/ReferenceGrant (kubernetes-models, vendored by scripts/vendor-validators.mjs) */
export declare const Model: new (data: unknown) => { validate(): void };
