import type { RepoContext } from '../engine/generator.ts';
import type { CommandInfo, EngineId, EngineInfo } from './info-model.ts';

/**
 * What one GitOps engine (or repo shape) tells `homeops info`: read through the same contexts the
 * generators of that shape use, so info says what `homeops app` would do, never a guess of its own.
 */
export interface EngineDescriber {
  readonly engine: EngineId;
  describe(repo: RepoContext): EngineInfo;
  /** The commands that add an app, a namespace and a secret in this shape, with the repo's real names. */
  commands(info: EngineInfo): CommandInfo[];
}

/** An EngineInfo with nothing learned yet: describers fill what their shape tells. */
export function emptyEngineInfo(
  engine: EngineId,
  layout: string | null,
  shape: string,
): EngineInfo {
  return {
    engine,
    layout,
    shape,
    clusters: [],
    apps: null,
    namespaces: [],
    chartSources: [],
    gateways: { kind: 'gateway', internal: null, external: null, all: [] },
    hostname: null,
    storage: { classes: [], claims: null, backupComponent: null },
    secrets: { stores: [], other: null, onePasswordItems: null },
  };
}
