import type { SourceChoice } from './choose-source.ts';
import type { OfflineCatalog, OfflineNames } from './offline-source.ts';
import type { SecretRefSource } from './types.ts';

export interface CreateSourceOptions {
  /** This tool's version, reported to 1Password by the SDK source. */
  integrationVersion: string;
  /** Names for the offline source; without them it knows no vaults. */
  offline?: OfflineNames | OfflineCatalog;
  /** Per-request timeout for the Connect source. */
  timeoutMs?: number;
}

/**
 * Opens the chosen source. Each source module is imported only here, on demand, so a run that
 * never talks to 1Password loads neither the SDK's WASM core nor the Connect client.
 */
export async function createSource(
  choice: SourceChoice,
  options: CreateSourceOptions,
): Promise<SecretRefSource> {
  switch (choice.kind) {
    case 'sdk': {
      const { SdkSource } = await import('./sdk-source.ts');
      return SdkSource.create({
        token: choice.token,
        integrationVersion: options.integrationVersion,
      });
    }
    case 'connect': {
      const { ConnectSource } = await import('./connect-source.ts');
      return new ConnectSource({
        host: choice.host,
        token: choice.token,
        ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      });
    }
    case 'offline': {
      const { OfflineSource } = await import('./offline-source.ts');
      return new OfflineSource(options.offline);
    }
  }
}
