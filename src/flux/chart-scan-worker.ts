import { parentPort, workerData } from 'node:worker_threads';
import { scanChartTags } from './chart-scan.ts';

/** Worker entry (bundle only): scan a repo's chart versions on the other core. */
parentPort!.postMessage(scanChartTags((workerData as { appsDir: string }).appsDir));
