/**
 * One Talos back end per tool behind one interface: the node and patch generators and the shared
 * Talos code never ask which tool a repo uses. Only the files that find the tools and pick the back
 * end (find-talos, open-talos, the pin, the interface) name them; each tool's own code is in its folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/temp-repo.ts';

const CHOOSERS = ['backend.ts', 'find-talos.ts', 'open-talos.ts', 'talos-pin.ts'];
const TOOL_FOLDERS = ['talhelper', 'topf', 'templates', 'mise'];
const TOOL_TEST =
  /\b(tool|kind)\s*[!=]==?\s*'(talhelper|topf|templates|talosctl-mise)'|instanceof\s+(Talhelper|Topf|Templates|Mise)Backend/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? TOOL_FOLDERS.includes(e.name) && dir.endsWith('talos')
        ? []
        : tsFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('the Talos back ends behind one interface', () => {
  it('no branch on the tool outside the code that picks the back end', () => {
    const files = [
      ...tsFiles(join(ROOT, 'generators/node')),
      ...tsFiles(join(ROOT, 'generators/patch')),
      ...tsFiles(join(ROOT, 'src/talos')).filter(
        (f) => !CHOOSERS.includes(relative(join(ROOT, 'src/talos'), f)),
      ),
    ];
    expect(files.length).toBeGreaterThan(20);
    const branching = files.filter((f) => TOOL_TEST.test(readFileSync(f, 'utf8')));
    expect(branching.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
