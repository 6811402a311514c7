import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { mostUsed, scanChartTags, type ChartTagCounts } from './chart-scan.ts';

/**
 * The chart versions a repo uses, counted over every app. Reading thousands of files takes tens
 * of milliseconds, so the bundled CLI starts the count on a worker thread as soon as the repo is
 * opened and only waits for it if a default chart version is actually needed. From source (tests,
 * tsx) the count runs in-thread, on first use.
 */
export class ChartVersions {
  private counts: Promise<ChartTagCounts> | undefined;
  private thread: Worker | undefined;

  constructor(private readonly appsDir: string) {}

  /** Start counting in the background where a worker is available. */
  start(): this {
    const worker = new URL('./chart-scan-worker.mjs', import.meta.url);
    if (this.counts || !import.meta.url.endsWith('.mjs') || !existsSync(worker)) return this;
    this.counts = new Promise<ChartTagCounts>((resolve) => {
      const thread = (this.thread = new Worker(worker, { workerData: { appsDir: this.appsDir } }));
      thread.once('message', (counts: ChartTagCounts) => resolve(counts));
      thread.once('error', () => resolve(scanChartTags(this.appsDir)));
      thread.unref(); // a run that never needs the count does not wait for it
    });
    return this;
  }

  /** The version used most for this chart URL, or undefined when no app uses it. */
  async mostUsed(url: string): Promise<string | undefined> {
    this.counts ??= Promise.resolve(scanChartTags(this.appsDir));
    this.thread?.ref(); // now the run does wait for it
    return mostUsed((await this.counts)[url]);
  }
}
