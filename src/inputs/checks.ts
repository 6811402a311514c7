import type { Problem } from './input-spec.ts';

/** Reusable refusals for input values: each says what is wrong and what would be right. */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function dnsLabel(value: string, what = 'name', maxLength = 63): Problem | undefined {
  if (DNS_LABEL.test(value) && value.length <= maxLength) return undefined;
  return {
    message: `"${value}" is not a valid ${what}: it must be a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, at most ${maxLength} characters)`,
    fix: `use something like "${suggestLabel(value).slice(0, maxLength) || 'my-app'}"`,
  };
}

const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/**
 * A name a Service takes: a DNS-1035 label (it starts with a letter: Kubernetes refuses a Service
 * named `1app`), at most `maxLength` characters.
 */
export function serviceName(value: string, what: string, maxLength = 63): Problem | undefined {
  if (DNS_1035.test(value) && value.length <= maxLength) return undefined;
  const label = suggestLabel(value);
  const suggestion = /^[a-z]/.test(label) ? label : `app-${label}`.replace(/-$/, '');
  return {
    message: `"${value}" is not a valid ${what}: it names a Service, so it must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter and ending with a letter or digit, at most ${maxLength} characters)`,
    fix: `use something like "${suggestion.slice(0, maxLength).replace(/-+$/, '')}"`,
  };
}

/**
 * An app's name: its Service and HelmRelease are named after it, so a DNS-1035 label, and Helm
 * release names are limited to 53 characters.
 */
export const appName = (value: string): Problem | undefined => serviceName(value, 'app name', 53);

function suggestLabel(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export interface ImageRef {
  repository: string;
  /** The tag, with `@sha256:` digest if one was given. */
  tag: string;
}

/** `repo[:port]/path:tag[@sha256:digest]`, pinned: no `latest`, no missing tag. */
export function parseImage(value: string): ImageRef | Problem {
  const fix = 'pass a pinned image such as ghcr.io/org/app:1.2.3 (or :1.2.3@sha256:<digest>)';
  const [ref = '', digest, ...rest] = value.split('@'); // split gives at least one part
  if (rest.length || (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)))
    return { message: `"${value}" has an invalid digest`, fix };
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon <= slash)
    return { message: `image "${value}" has no tag: it must be pinned to a version`, fix };
  const repository = ref.slice(0, colon);
  const tag = ref.slice(colon + 1);
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/.test(repository)) {
    return {
      message: `"${repository}" is not a valid image repository (lower-case letters, digits, ".", "_", "-" and "/")`,
      fix,
    };
  }
  if (!/^[\w][\w.-]{0,127}$/.test(tag))
    return { message: `"${tag}" is not a valid image tag`, fix };
  if (tag === 'latest')
    return {
      message: `image "${value}" uses the "latest" tag: images must be pinned to a version`,
      fix,
    };
  return { repository, tag: digest ? `${tag}@${digest}` : tag };
}

/** A pinned image reference, as a refusal or undefined. */
export function image(value: string): Problem | undefined {
  const parsed = parseImage(value);
  return 'message' in parsed ? parsed : undefined;
}

export function port(value: number): Problem | undefined {
  return value >= 1 && value <= 65535
    ? undefined
    : {
        message: `${value} is not a port number (1-65535)`,
        fix: 'pass the port the container listens on, e.g. --port=8080',
        prompt: `${value} is not a port number: type one from 1 to 65535, e.g. 8080`,
      };
}

/** A storage size such as 5Gi. */
export function quantity(value: string): Problem | undefined {
  return /^[1-9][0-9]*(Mi|Gi|Ti)$/.test(value)
    ? undefined
    : {
        message: `"${value}" is not a storage size`,
        fix: 'pass a size such as 512Mi, 5Gi or 1Ti, or "none"',
      };
}

// a label is plain, or made of Flux variables (with a default, which may itself be one:
// `${GATUS_SUBDOMAIN:=${APP}}`), Helm's release name, and plain text (`${APP}-api`)
const FLUX_VAR = String.raw`\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[=-](?:[a-z0-9-]*|\$\{[A-Za-z_][A-Za-z0-9_]*\}))?\}`;
const RELEASE = String.raw`\{\{ ?\.Release\.Name ?\}\}`;
// an argocd-vault-plugin placeholder (`<secret:private-domain>`, `<path:kv/x#domain>`) is a label too
const AVP = String.raw`<[A-Za-z0-9:/#._-]+>`;
const HOST_LABEL = String.raw`(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?|(?:[-a-z0-9]*(?:${FLUX_VAR}|${RELEASE}|${AVP}))+[-a-z0-9]*)`;
const HOSTNAME = new RegExp(`^(?:\\*\\.)?${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);

/**
 * A DNS name whose labels may be `${VARIABLE}` placeholders (Flux substitution): `app.${DOMAIN}`,
 * the apex `${DOMAIN}`, or a wildcard `*.example.com`. A single plain label is no hostname.
 */
export function hostname(value: string): Problem | undefined {
  const ok = HOSTNAME.test(value) && (value.includes('.') || value.startsWith('${'));
  return ok && value.length <= 253
    ? undefined
    : {
        message: `"${value}" is not a valid hostname`,
        fix: 'pass a name such as app.example.com, app.${SECRET_DOMAIN} or "{{ .Release.Name }}.example.com"',
      };
}

/** An absolute path; `example` is one that fits the input (a health path is no mount path). */
export function absolutePath(value: string, example: string): Problem | undefined {
  return /^\/[A-Za-z0-9._/-]*$/.test(value) && !value.split('/').includes('..')
    ? undefined
    : { message: `"${value}" is not an absolute path`, fix: `pass a path such as ${example}` };
}

/** Where the generated containers already mount a volume: the scratch emptyDir. */
const GENERATED_MOUNTS = ['/tmp'];

/**
 * Where a data volume may be mounted: not over the whole file system, and not where the container
 * already mounts another volume (Kubernetes refuses two mounts at one path).
 */
export function volumeMountPath(value: string, fallback: string): Problem | undefined {
  const path = `/${value
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/')}`;
  if (path === '/')
    return {
      message: `"${value}" would mount the volume over the container's whole file system`,
      fix: `pass the folder the app keeps its data in, e.g. --mountPath=${fallback}`,
    };
  if (GENERATED_MOUNTS.includes(path))
    return {
      message: `"${value}" is already a mount of the container (its scratch emptyDir volume)`,
      fix: `pass another folder, e.g. --mountPath=${fallback}`,
    };
  return undefined;
}

/** An HTTP path a probe may request: absolute, with a query string if need be (`/api?mode=version`). */
export function httpPath(value: string): Problem | undefined {
  const [path = '', query] = value.split('?', 2);
  const ok =
    absolutePath(path, '/healthz') === undefined &&
    (query === undefined || /^[A-Za-z0-9._~=&%+-]*$/.test(query));
  return ok
    ? undefined
    : {
        message: `"${value}" is not an HTTP path`,
        fix: 'pass a path such as /healthz or /api?mode=version',
      };
}

export function ociUrl(value: string): Problem | undefined {
  return /^oci:\/\/[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)+$/.test(value)
    ? undefined
    : {
        message: `"${value}" is not an OCI chart URL`,
        fix: 'pass a URL such as oci://ghcr.io/bjw-s-labs/helm/app-template',
      };
}

export function version(value: string): Problem | undefined {
  return /^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$/.test(value)
    ? undefined
    : { message: `"${value}" is not a version`, fix: 'pass a version such as 4.4.0' };
}

/** A Kubernetes resource name (DNS-1123 subdomain), e.g. a StorageClass. */
export function dnsSubdomain(value: string, what: string): Problem | undefined {
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value) &&
    value.length <= 253
    ? undefined
    : {
        message: `"${value}" is not a valid ${what} name`,
        fix: 'use lower-case letters, digits, "-" and "."',
      };
}
