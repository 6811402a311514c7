/** @kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute (kubernetes-models, vendored by scripts/vendor-validators.mjs) */
export declare const Model: new (data: unknown) => { validate(): void };
