import { parentPort, workerData } from 'node:worker_threads';
import { mostUsedChartTag } from './chart-scan.ts';

/**
 * Worker entry (bundle only): count a repo's chart versions on the other core. It stays small by
 * not loading the YAML parser: a file that needs it sends the whole count back to the main thread.
 */
class NeedsFullParser extends Error {}
const { appsDir, url } = workerData as { appsDir: string; url: string };
try {
  parentPort!.postMessage({
    tag:
      mostUsedChartTag(appsDir, url, () => {
        throw new NeedsFullParser();
      }) ?? null,
  });
} catch (error) {
  if (!(error instanceof NeedsFullParser)) throw error;
  parentPort!.postMessage({ fullParserNeeded: true });
}
