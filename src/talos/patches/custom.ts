/** An empty but valid patch to fill in by hand. */
import { definePatch } from './define.ts';

export const CUSTOM_COMMENT = [
  'Custom Talos patch (strategic merge): add machine: / cluster: settings below.',
  'Typed documents (Talos 1.12+, e.g. kind: TimeSyncConfig) go after a new --- line.',
].join('\n');

export const custom = definePatch({
  id: 'custom',
  description: 'An empty patch to fill in by hand',
  build: () => [{ comment: CUSTOM_COMMENT, value: { machine: {} } }],
});
