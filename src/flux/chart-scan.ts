import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { PlainShape } from '../yaml/plain-shape.ts';

/** Distinct file shapes kept: apps made from a handful of templates match one of the first few. */
const MAX_SHAPES = 8;

// This module reads the disk directly rather than through the RepoTree, on purpose: it may run on
// a worker thread before the tree exists, and it only reads (the files it counts are never pending).

/** Reads the [url, tag] pairs of a file the fast block reader cannot read (the full YAML parser). */
export type ComplexFileReader = (text: string) => [string, string][];

/**
 * The `spec.ref.tag` used most (ties: the highest) by the OCIRepositories of a chart URL, over
 * every app's `<appsDir>/<ns>/<app>/app/ocirepository.yaml`; undefined when none uses it. Plain
 * block files go through the fast reader (or, shaped like a file read before, through that
 * shape), anything else through `readComplex`. Counting stops as soon as the files left could
 * not change the answer.
 */
export function mostUsedChartTag(
  appsDir: string,
  url: string,
  readComplex: ComplexFileReader,
): string | undefined {
  const files = ociRepositoryFiles(appsDir);
  const counts = new Map<string, number>();
  const shapes: PlainShape[] = [];
  let leader: string | undefined;
  for (let i = 0; i < files.length; i++) {
    const text = readOptional(files[i]!);
    if (!text?.includes(url)) continue;
    for (const [fileUrl, tag] of tagsOf(text, shapes, readComplex)) {
      if (fileUrl !== url) continue;
      const n = (counts.get(tag) ?? 0) + 1;
      counts.set(tag, n);
      if (
        leader === undefined ||
        n > counts.get(leader)! ||
        (n === counts.get(leader) && tag > leader)
      )
        leader = tag;
    }
    const left = files.length - 1 - i;
    if (leader !== undefined && counts.get(leader)! > runnerUp(counts, leader) + left) break;
  }
  return leader;
}

function runnerUp(counts: Map<string, number>, leader: string): number {
  let best = 0;
  for (const [tag, n] of counts) if (tag !== leader && n > best) best = n;
  return best;
}

function ociRepositoryFiles(appsDir: string): string[] {
  const files: string[] = [];
  let namespaces;
  try {
    namespaces = readdirSync(appsDir, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const ns of namespaces) {
    if (!ns.isDirectory()) continue;
    for (const app of readdirSync(`${appsDir}/${ns.name}`, { withFileTypes: true })) {
      if (app.isDirectory()) files.push(`${appsDir}/${ns.name}/${app.name}/app/ocirepository.yaml`);
    }
  }
  return files;
}

const buffer = Buffer.allocUnsafe(256 * 1024);

/**
 * Nearly every app folder has the file: opening it and catching the rare miss beats a stat per
 * file, and one shared buffer spares a stat and an allocation per read. A file larger than the
 * buffer (no OCIRepository is) is read in full.
 */
function readOptional(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    let length = readSync(fd, buffer, 0, buffer.length, 0);
    if (length < buffer.length) return buffer.toString('utf8', 0, length);
    const chunks = [Buffer.from(buffer)];
    while ((length = readSync(fd, buffer, 0, buffer.length, null)) > 0)
      chunks.push(Buffer.from(buffer.subarray(0, length)));
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const WANTED = [['kind'], ['spec', 'url'], ['spec', 'ref', 'tag']] as const;

/** [url, tag] of every OCIRepository in a file. */
function tagsOf(
  text: string,
  shapes: PlainShape[],
  readComplex: ComplexFileReader,
): [string, string][] {
  let values: unknown[] | undefined;
  for (const shape of shapes) if ((values = shape.valuesOf(text))) break;
  if (!values) {
    const shape = PlainShape.of(text, WANTED);
    if (!shape) return readComplex(text);
    if (shapes.length < MAX_SHAPES) shapes.push(shape);
    values = shape.values();
  }
  const [kind, url, tag] = values;
  // as the full parser's reader does: a tag written as a number still names a version
  return kind === 'OCIRepository' &&
    typeof url === 'string' &&
    tag !== undefined &&
    tag !== null &&
    typeof tag !== 'object'
    ? [[url, String(tag)]]
    : [];
}
