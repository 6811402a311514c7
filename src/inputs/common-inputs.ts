import * as check from './checks.ts';
import { applies, type Answers, type InputSpec } from './input-spec.ts';

/** When an input applies, given the answers before it. */
type When<C> = (answers: Answers, ctx: C) => boolean;

/**
 * The inputs every layout's `app` asks in the same way (a container image, its port, a volume).
 * Each layout says when they apply and may word the help for its files.
 */
export const imageInput = <C>(
  when: When<C>,
  help = 'image: repository:tag, pinned (no "latest"), e.g. ghcr.io/org/app:1.2.3',
): InputSpec<C> => ({
  name: 'image',
  message: 'Container image (repository:tag)',
  help,
  type: 'string',
  required: true,
  when,
  validate: (v: string) => check.image(v),
});

export const portInput = <C>(
  when: When<C>,
  help = 'port: the port the container listens on (1-65535)',
): InputSpec<C> => ({
  name: 'port',
  message: 'Container port',
  help,
  type: 'number',
  required: true,
  when,
  validate: (v: number) => check.port(v),
});

export const healthPathInput = <C>(when: When<C>): InputSpec<C> => ({
  name: 'healthPath',
  message: 'HTTP health check path (empty: TCP check on the port)',
  help: 'healthPath: e.g. /healthz; default: a TCP probe on the port',
  type: 'string',
  advanced: true,
  when,
  validate: (v: string) => check.httpPath(v),
});

export const storageInput = <C>(
  when: When<C> | undefined,
  help = 'storage: a size such as 5Gi, or none',
): InputSpec<C> => ({
  name: 'storage',
  message: 'Persistent storage size (e.g. 5Gi, or none)',
  help,
  type: 'string',
  ...(when && { when }),
  default: () => 'none',
  validate: (v: string) => (v === 'none' ? undefined : check.quantity(v)),
});

/** `substituted`: Flux fills `${VAR}` in before applying, so a class such as `${APP_STORAGECLASS}` is one. */
export const storageClassInput = <C>(
  when: When<C>,
  fallback: (ctx: C, answers: Answers) => string | undefined,
  help = "storageClass: default the repo's most used one",
  substituted = false,
): InputSpec<C> => ({
  name: 'storageClass',
  message: 'StorageClass (empty: the cluster default)',
  help,
  type: 'string',
  advanced: true,
  when,
  default: fallback,
  validate: (v: string) =>
    substituted && FLUX_VARIABLE.test(v) ? undefined : check.dnsSubdomain(v, 'StorageClass'),
});

const FLUX_VARIABLE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** `learned`: the mount path the repo's apps use, where it tells one. */
export const mountPathInput = <C>(
  when: When<C>,
  fallback = '/config',
  learned?: (ctx: C, answers: Answers) => string | undefined,
): InputSpec<C> => ({
  name: 'mountPath',
  message: 'Mount path of the volume',
  help: `mountPath: where the volume is mounted; default ${learned ? `the one the repo's apps use, else ${fallback}` : fallback}; not / or /tmp`,
  type: 'string',
  advanced: true,
  when,
  default: (ctx, a) => learned?.(ctx, a) ?? fallback,
  validate: (v: string) => check.absolutePath(v, fallback) ?? check.volumeMountPath(v, fallback),
});

/** Whether the answers route the app (`--route=internal` or `external`). */
export const hasRoute = applies(
  'with --route=internal or --route=external',
  (a: Answers) => a.route !== undefined && a.route !== 'none',
);

/**
 * `--route`, the same in every engine: none, or through the repo's internal or external way in;
 * `validate` says whether this repo has the one asked for.
 */
export const routeInput = <C>(validate: InputSpec<C>['validate']): InputSpec<C> => ({
  name: 'route',
  message: 'Route',
  help: 'route: none | internal | external (through the gateway of that name the repo has)',
  type: 'choice',
  choices: () => ['none', 'internal', 'external'].map((v) => ({ name: v, value: v })),
  default: () => 'none',
  validate,
});
