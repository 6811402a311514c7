import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Counting the chart versions of thousands of apps takes tens of milliseconds. The bundled CLI
 * starts that count on a worker thread first thing, before it loads the rest of itself, so the
 * count runs on the other core meanwhile; `ChartVersions` takes the answer when it asks for the
 * same folder and URL. From source (tests, tsx) there is no worker and nothing is prefetched.
 */
const pending = new Map<string, { worker: Worker; answer: Promise<string | undefined> }>();

export function prefetchChartTag(appsDir: string, url: string): void {
  const script = new URL('./chart-scan-worker.cjs', import.meta.url);
  if (!import.meta.url.endsWith('.mjs') || !existsSync(script) || !existsSync(appsDir)) return;
  const worker = new Worker(script, { workerData: { appsDir, url } });
  worker.unref(); // a run that never needs the answer does not wait for it
  const answer = new Promise<string | undefined>((resolve, reject) => {
    worker.once('message', (answer: { tag?: string | null; fullParserNeeded?: boolean }) =>
      answer.fullParserNeeded
        ? reject(new Error('a file needs the full parser'))
        : resolve(answer.tag ?? undefined),
    );
    worker.once('error', reject);
  });
  answer.catch(() => undefined); // a failed prefetch is only a missed shortcut
  pending.set(`${appsDir}\n${url}`, { worker, answer });
}

/** The prefetched answer for this folder and URL, if one was started. */
export function takePrefetchedChartTag(
  appsDir: string,
  url: string,
): Promise<string | undefined> | undefined {
  const found = pending.get(`${appsDir}\n${url}`);
  if (!found) return undefined;
  pending.delete(`${appsDir}\n${url}`);
  found.worker.ref(); // now the run does wait for it
  return found.answer;
}
