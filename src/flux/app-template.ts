/** bjw-s app-template, the chart most home-ops apps use. */
export const APP_TEMPLATE_URL = 'oci://ghcr.io/bjw-s-labs/helm/app-template';
export const APP_TEMPLATE_SCHEMA =
  'https://raw.githubusercontent.com/bjw-s-labs/helm-charts/main/charts/other/app-template/schemas/helmrelease-helm-v2.schema.json';
