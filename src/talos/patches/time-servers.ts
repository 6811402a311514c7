/** NTP servers: machine.time before Talos 1.12, a TimeSyncConfig document from 1.12 on. */
import { usesTypedDocuments } from '../talos-version.ts';
import { checks, definePatch } from './define.ts';

export const timeServers = definePatch({
  id: 'time-servers',
  description: 'NTP servers the nodes sync time from',
  inputs: [
    {
      name: 'servers',
      message: 'NTP servers, comma-separated',
      type: 'list',
      default: ['time.cloudflare.com'],
      validate: checks.host,
    },
  ],
  build: (v, version) => {
    const servers = v['servers'] as string[];
    if (usesTypedDocuments(version))
      return [{ value: { apiVersion: 'v1alpha1', kind: 'TimeSyncConfig', ntp: { servers } } }];
    return [{ value: { machine: { time: { disabled: false, servers } } } }];
  },
});
