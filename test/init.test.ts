import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, ROOT, snapshotFiles } from './support/temp-repo.ts';

const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const plop = own.devDependencies['plop'];
const read = (repo: string, file: string) => readFileSync(join(repo, file), 'utf8');

describe('homeops init', () => {
  it('sets a repo without package.json up for npx plop and npx homeops; a second run changes nothing', async () => {
    const repo = copyFixture('flux-operator');
    const first = await homeops('init', '--dest', repo, '--yes');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created  .gitignore');
    expect(first.stdout).toContain('created  package.json');
    expect(first.stdout).toContain('created  plopfile.mjs');
    expect(first.stdout).toContain('npm install');
    expect(read(repo, 'package.json')).toBe(
      `{\n  "private": true,\n  "devDependencies": {\n    "homeops-scaffold": "${own.version}",\n    "plop": "${plop}"\n  }\n}\n`,
    );
    expect(read(repo, '.gitignore')).toBe('node_modules/\n');
    const plopfile = read(repo, 'plopfile.mjs');
    expect(plopfile).toContain("import homeops from 'homeops-scaffold';");
    expect(plopfile).toContain('await homeops(plop);');
    expect(plopfile).toContain('(app, namespace, node, patch, secret)');

    const before = snapshotFiles(repo);
    const second = await homeops('init', '--dest', repo, '--yes');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const repo = copyFixture('flux-operator');
    const before = snapshotFiles(repo);
    const run = await homeops('init', '--dest', repo, '--yes', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+++ b/plopfile.mjs');
    expect(run.stdout).toContain(`+    "homeops-scaffold": "${own.version}",`);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it("adds to an existing package.json in sorted place, in the file's indentation, keeping what is there", async () => {
    const repo = copyFixture('flux-operator');
    const pkg = {
      name: 'home-ops',
      type: 'module',
      scripts: { lint: 'yamllint .' },
      devDependencies: { 'homeops-scaffold': '^0.1.0', prettier: '3.0.0', 'zz-tool': '1.0.0' },
    };
    writeFileSync(join(repo, 'package.json'), `${JSON.stringify(pkg, null, 4)}\n`);
    writeFileSync(join(repo, '.gitignore'), '# local\n/node_modules\n.env');
    const run = await homeops('init', '--dest', repo, '--yes');
    expect(run.code).toBe(0);
    // homeops-scaffold is there already (a range the owner chose): only plop is added
    const expected = {
      ...pkg,
      devDependencies: {
        'homeops-scaffold': '^0.1.0',
        plop,
        prettier: '3.0.0',
        'zz-tool': '1.0.0',
      },
    };
    expect(read(repo, 'package.json')).toBe(`${JSON.stringify(expected, null, 4)}\n`);
    expect(read(repo, '.gitignore')).toBe('# local\n/node_modules\n.env'); // already ignored
    // "type": "module": the plopfile is plain .js, like the repo's other scripts
    expect(run.stdout).toContain('created  plopfile.js');
  });

  it('leaves a plopfile of its own alone and says how to load the generators from it', async () => {
    const repo = copyFixture('flux-operator');
    const own =
      "export default function (plop) {\n  plop.setGenerator('x', { prompts: [], actions: [] });\n}\n";
    writeFileSync(join(repo, 'plopfile.js'), own);
    writeFileSync(join(repo, '.gitignore'), '.env\n!node_modules/\n');
    const run = await homeops('init', '--dest', repo, '--yes');
    expect(run.code).toBe(0);
    expect(read(repo, 'plopfile.js')).toBe(own);
    expect(run.stderr).toMatch(/warning: plopfile\.js .* does not load homeops-scaffold/);
    expect(run.stderr).toContain('await homeops(plop)');
    // a later !node_modules/ would undo an ignore: the ignore goes after it
    expect(read(repo, '.gitignore')).toBe('.env\n!node_modules/\nnode_modules/\n');
  });

  it('in a repo that runs mise tasks: the npm setup and a raw homeops task at the end', async () => {
    const repo = copyFixture('argocd-mise');
    const before = read(repo, '.mise.toml');
    const run = await homeops('init', '--dest', repo, '--yes');
    expect(run.code).toBe(0);
    const after = read(repo, '.mise.toml');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      '\n[tasks.homeops]\ndescription = "Add an app, namespace, secret, Talos node or patch (homeops-scaffold)"\nrun = "npx homeops"\nraw = true\n',
    );
    expect(run.stdout).toContain('mise run homeops app');
    expect(read(repo, 'package.json')).toContain(`"plop": "${plop}"`);
  });

  it('--via=mise: the npm backend entry in a new [tools] before the tasks, no package.json', async () => {
    const repo = copyFixture('argocd-mise');
    const before = read(repo, '.mise.toml');
    const run = await homeops('init', '--dest', repo, '--yes', '--via=mise');
    expect(run.code).toBe(0);
    const after = read(repo, '.mise.toml');
    const data = parse(after) as { tools: Record<string, string>; tasks: Record<string, unknown> };
    expect(data.tools).toEqual({ 'npm:homeops-scaffold': own.version });
    expect(data.tasks['homeops']).toMatchObject({ run: 'homeops', raw: true });
    expect(after).toContain(
      `CONTROL_PLANE_ENDPOINT = "https://192.168.0.120:6443"\n\n[tools]\n"npm:homeops-scaffold" = "${own.version}"\n\n# ====`,
    );
    expect(snapshotFiles(repo)['package.json']).toBeUndefined();
    expect(run.stdout).toContain('mise install');
    expect(run.stdout).toContain('npx plop needs a package.json');
    // every other byte stays: without the two additions, the file is what it was
    expect(after.replace(/\n\[tools\]\n[^\n]*\n/, '').split('\n[tasks.homeops]')[0]).toBe(before);
    const again = await homeops('init', '--dest', repo, '--yes', '--via=mise');
    expect(again.stdout).toMatch(/^nothing to change/);
  });

  it('--via=mise with an existing [tools]: one line after its last entry, no task where mise runs none', async () => {
    const repo = copyFixture('flux');
    const before = read(repo, '.mise.toml');
    const run = await homeops('init', '--dest', repo, '--yes', '--via=mise');
    expect(run.code).toBe(0);
    expect(read(repo, '.mise.toml')).toBe(
      before.replace(
        '"aqua:siderolabs/talos" = "1.11.3"\n',
        `"aqua:siderolabs/talos" = "1.11.3"\n"npm:homeops-scaffold" = "${own.version}"\n`,
      ),
    );
    const task = await homeops('init', '--dest', repo, '--yes', '--via=mise', '--task');
    expect(task.code).toBe(1);
    expect(task.stderr).toContain('--task: does not apply');
  });

  it("adds a recipe to a justfile, indented like the file's recipes", async () => {
    const repo = copyFixture('flux-operator');
    const justfile =
      'set quiet\n\n# Reconcile Flux\nreconcile:\n\tflux reconcile ks flux-system --with-source\n';
    writeFileSync(join(repo, '.justfile'), justfile);
    const run = await homeops('init', '--dest', repo, '--yes');
    expect(run.code).toBe(0);
    expect(read(repo, '.justfile')).toBe(
      `${justfile}\n# Add an app, namespace, secret, Talos node or patch (homeops-scaffold)\nhomeops *args:\n\tnpx homeops {{ args }}\n`,
    );
    expect(run.stdout).toContain('just homeops app');
    const none = copyFixture('flux-operator');
    writeFileSync(join(none, 'justfile'), justfile);
    expect((await homeops('init', '--dest', none, '--yes', '--task=false')).code).toBe(0);
    expect(read(none, 'justfile')).toBe(justfile);
  });

  it('refuses a package.json or mise config it cannot read, naming the file, and writes nothing', async () => {
    const repo = copyFixture('flux-operator');
    writeFileSync(join(repo, 'package.json'), '{ "private": true, }\n');
    const before = snapshotFiles(repo);
    const run = await homeops('init', '--dest', repo, '--yes');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: package\.json: package\.json is not valid JSON/);
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);

    const mise = copyFixture('argocd-mise');
    writeFileSync(join(mise, '.mise.toml'), '[tools]\nnode = \n');
    const bad = await homeops('init', '--dest', mise, '--yes');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('.mise.toml is not valid TOML');
  });

  it('--via only in a repo with a mise config', async () => {
    const repo = copyFixture('flux-operator');
    mkdirSync(join(repo, 'sub'));
    const run = await homeops('init', '--dest', repo, '--yes', '--via=mise');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--via: does not apply');
  });
});
