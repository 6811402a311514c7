import { takePrefetchedChartTag } from './chart-prefetch.ts';
import { mostUsedChartTag } from './chart-scan.ts';
import { ociRepositoryTags } from './oci-repository-tags.ts';

/** The chart versions a repo uses, counted over every app once per chart URL, on first use. */
export class ChartVersions {
  private readonly found = new Map<string, Promise<string | undefined>>();

  constructor(private readonly appsDir: string) {}

  /** The version used most for this chart URL, or undefined when no app uses it. */
  mostUsed(url: string): Promise<string | undefined> {
    let answer = this.found.get(url);
    if (!answer) {
      const prefetched = takePrefetchedChartTag(this.appsDir, url);
      answer = prefetched
        ? prefetched.catch(() => this.count(url))
        : Promise.resolve(this.count(url));
      this.found.set(url, answer);
    }
    return answer;
  }

  private count(url: string): string | undefined {
    return mostUsedChartTag(this.appsDir, url, ociRepositoryTags);
  }
}
