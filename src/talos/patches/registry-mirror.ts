/**
 * Registry mirrors: a pull-through cache URL and/or Spegel. Talos < 1.12 uses
 * machine.registries.mirrors; 1.12+ uses one RegistryMirrorConfig document per registry.
 */
import type { TalosVersion } from '../talos-version.ts';
import { atLeast, usesTypedDocuments } from '../talos-version.ts';
import { HomeopsError } from '../../errors.ts';
import { checks, definePatch } from './define.ts';
import type { PatchValues } from './define.ts';
import type { PatchDocument } from './render.ts';

/** Spegel needs containerd to keep unpacked layers; the CRI plugin was renamed in containerd 2 (Talos 1.9). */
function spegelFile(v: TalosVersion): object {
  const section = atLeast(v, 1, 9)
    ? '[plugins."io.containerd.cri.v1.images"]'
    : '[plugins."io.containerd.grpc.v1.cri".containerd]';
  return {
    op: 'create',
    path: '/etc/cri/conf.d/20-customization.part',
    content: `${section}\n  discard_unpacked_layers = false\n`,
  };
}

function build(values: PatchValues, version: TalosVersion): PatchDocument[] {
  const url = String(values['mirror']);
  const registries = values['registries'] as string[];
  const overridePath = values['overridePath'] === true;
  if (!values['spegel'] && url === '') {
    throw new HomeopsError(
      'INVALID_INPUT',
      'registry-mirror: give a mirror URL, or enable spegel',
      { field: 'mirror', fix: 'pass --mirror=https://... or --spegel' },
    );
  }
  const docs: PatchDocument[] = [];
  if (values['spegel']) {
    docs.push({
      comment: 'Spegel (peer-to-peer image mirror) needs containerd to keep unpacked layers.',
      value: { machine: { files: [spegelFile(version)] } },
    });
  }
  if (url === '') return docs;
  if (!usesTypedDocuments(version)) {
    const mirrors = Object.fromEntries(
      registries.map((r) => [r, { endpoints: [url], ...(overridePath && { overridePath: true }) }]),
    );
    if (docs[0])
      Object.assign((docs[0].value as { machine: object }).machine, { registries: { mirrors } });
    else docs.push({ value: { machine: { registries: { mirrors } } } });
    return docs;
  }
  for (const name of registries) {
    docs.push({
      value: {
        apiVersion: 'v1alpha1',
        kind: 'RegistryMirrorConfig',
        name,
        endpoints: [{ url, ...(overridePath && { overridePath: true }) }],
      },
    });
  }
  return docs;
}

export const registryMirror = definePatch({
  id: 'registry-mirror',
  description:
    'Pull images through a mirror (pull-through cache URL) and/or prepare nodes for Spegel',
  inputs: [
    {
      name: 'spegel',
      message: 'Prepare containerd for Spegel (peer-to-peer mirror)?',
      type: 'boolean',
      default: false,
    },
    {
      name: 'mirror',
      message: 'Mirror URL (http(s)://...), empty for none',
      type: 'string',
      default: '',
      allowed: 'an http(s):// URL, or nothing',
      validate: (u) =>
        u === '' || /^https?:\/\/\S+$/.test(String(u)) || `"${String(u)}" is not an http(s) URL`,
    },
    {
      name: 'registries',
      message: 'Registries to mirror, comma-separated',
      type: 'list',
      default: ['docker.io', 'ghcr.io', 'quay.io', 'registry.k8s.io'],
      validate: checks.host,
    },
    {
      name: 'overridePath',
      message: 'Does the mirror URL already include the /v2/... path (e.g. Harbor proxy projects)?',
      type: 'boolean',
      default: false,
    },
  ],
  build,
});
