/**
 * homeops-scaffold as a user gets it: `npm pack`, then in a copy of a home-ops repo `npx
 * homeops-scaffold init` (not installed yet), `npm install` of the tarball, and the generators
 * from a subfolder through `npx plop` (a real terminal) and `npx homeops`; on this Node, and on
 * Node 22 and 24 from the npm registry when they can be had. Installs once for the whole file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PtySession } from './support/pty-session.ts';
import { ROOT } from './support/temp-repo.ts';

const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};

interface Run {
  code: number;
  out: string;
}

/**
 * What `npm test` puts in the environment for this checkout (its .npmrc's `node-options=--import
 * tsx` among them, as npm_config_node_options and NODE_OPTIONS): a user's repo has none of it.
 */
const CHECKOUT_ONLY = Object.keys(process.env).filter((key) =>
  /^(npm_|NODE_OPTIONS$|INIT_CWD$)/i.test(key),
);

/** A command in the repo (or one of its folders) without a terminal, as a script runs it. */
function run(command: string, args: string[], cwd: string, path?: string): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '' };
  for (const key of CHECKOUT_ONLY) delete env[key];
  env.npm_config_update_notifier = 'false';
  if (path) env.PATH = `${path}${delimiter}${env.PATH ?? ''}`;
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

/** `npx <args>` at a real terminal, in an environment without this checkout's npm settings. */
function ptyNpx(args: string[], cwd: string, path?: string): PtySession {
  const unset = CHECKOUT_ONLY.flatMap((key) => ['-u', key]);
  const env: Record<string, string> = { CI: '' };
  if (path) env.PATH = `${path}${delimiter}${process.env.PATH ?? ''}`;
  return new PtySession('env', [...unset, 'npx', ...args], { cwd, env });
}

/** Press Enter at every question plop asks (each takes its default) until the run ends. */
async function acceptDefaults(session: PtySession): Promise<number> {
  let code: number | undefined;
  void session.exited.then((c) => (code = c));
  for (let questions = 0; questions < 40; questions++) {
    // a question is on screen once the output has been still for a moment
    let seen = -1;
    while (code === undefined && session.screen.length !== seen) {
      seen = session.screen.length;
      await new Promise((r) => setTimeout(r, 300));
    }
    if (code !== undefined) return code;
    await session.answer('', '');
  }
  throw new Error(`still asking after 40 questions:\n${session.screen}`);
}

let work = '';
let tarball = '';
let repo = '';
const npmOutput: string[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'homeops-install-'));
  if (!existsSync(join(ROOT, 'dist/plopfile.mjs')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  // dist/ is built (npm test builds first): pack it as it is
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as { filename: string }[];
  tarball = join(work, packed[0]?.filename ?? '');
  repo = join(work, 'home-ops');
  cpSync(join(ROOT, 'test/fixtures/flux-operator'), repo, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: repo });
  // not installed yet: the bin named like the package, fetched by npx (from the tarball here)
  const init = run(
    'npx',
    ['--yes', `--package=${tarball}`, 'homeops-scaffold', 'init', '--yes'],
    repo,
  );
  npmOutput.push(init.out);
  if (init.code !== 0) throw new Error(`homeops-scaffold init failed:\n${init.out}`);
  // the tarball stands in for the registry's homeops-scaffold@<version> that init pinned
  const install = run(
    'npm',
    [
      'install',
      '--save-dev',
      '--save-exact',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      tarball,
    ],
    repo,
  );
  npmOutput.push(install.out);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.out}`);
}, 300_000);

describe('installed from npm pack into a home-ops repo', () => {
  it('init wrote a plopfile, exact devDependencies and node_modules/ in .gitignore', () => {
    expect(npmOutput[0]).toMatch(/created\s+plopfile\.mjs/);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    // npm install replaced init's exact registry pin with the tarball it was given
    expect(pkg.devDependencies).toEqual({
      'homeops-scaffold': `file:${tarball.replace(`${work}/`, '../')}`,
      plop: own.devDependencies['plop'],
    });
    expect(readFileSync(join(repo, 'plopfile.mjs'), 'utf8')).toContain(
      "import homeops from 'homeops-scaffold';",
    );
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toBe('node_modules/\n');
  });

  it('installs without engine warnings, and only what runs: no tests, sources, maps or validators', () => {
    for (const out of npmOutput) expect(out).not.toContain('EBADENGINE');
    const installed = join(repo, 'node_modules/homeops-scaffold');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist', 'package.json']);
    expect(readdirSync(join(installed, 'dist')).filter((f) => !/\.(mjs|cjs)$/.test(f))).toEqual([]);
    // bundled into dist/: never installed into the user's repo
    expect(existsSync(join(repo, 'node_modules/kubernetes-models'))).toBe(false);
    expect(existsSync(join(repo, 'node_modules/@kubernetes-models'))).toBe(false);
  });

  it('a second init, from a subfolder, changes nothing', () => {
    const again = run('npx', ['homeops', 'init', '--yes'], join(repo, 'talos'));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^nothing to change/);
  });

  it('--version prints the version of the package', () => {
    expect(run('npx', ['homeops', '--version'], repo).out.trim()).toBe(own.version);
  });

  it('npx plop app from a subfolder: given answers are not asked, the rest to the end', async () => {
    const session = ptyNpx(
      ['plop', 'app', 'whoami', '--', '--image=ghcr.io/traefik/whoami:v1.10.4', '--port=80'],
      join(repo, 'kubernetes/apps'),
    );
    try {
      expect(await acceptDefaults(session)).toBe(0);
    } finally {
      session.kill();
    }
    expect(session.screen).toContain('Namespace'); // asked: not given
    expect(session.screen).not.toMatch(/App name|Container image|Container port/);
    const app = join(repo, 'kubernetes/apps/default/whoami');
    expect(readFileSync(join(app, 'app/helmrelease.yaml'), 'utf8')).toContain('tag: v1.10.4');
    expect(
      readFileSync(join(repo, 'kubernetes/apps/default/kustomization.yaml'), 'utf8'),
    ).toContain('  - ./whoami/ks.yaml');
  }, 90_000);

  it("plop.load('homeops-scaffold') finds the package's main export and its generators", () => {
    const script =
      "import nodePlop from 'node-plop'; const plop = await nodePlop(); await plop.load('homeops-scaffold'); console.log(plop.getGeneratorList().map((g) => g.name).join(' '));";
    const loaded = run('node', ['--input-type=module', '-e', script], join(repo, 'kubernetes'));
    expect(loaded.out.trim()).toBe('app namespace node patch secret info');
  });

  it('npx homeops app from a subfolder writes at the repo root', () => {
    const result = run(
      'npx',
      [
        'homeops',
        'app',
        '--yes',
        '--name=hello',
        '--image=ghcr.io/mendhak/http-https-echo:37',
        '--port=8080',
      ],
      join(repo, 'talos'),
    );
    expect(result.out).toContain('created  kubernetes/apps/default/hello/ks.yaml');
    expect(result.code).toBe(0);
    expect(existsSync(join(repo, 'talos/kubernetes'))).toBe(false);
  });
});

/** A Node binary of this major from the npm registry's `node` package (cached by npx in ~/.npm). */
function nodeOf(major: number): string | undefined {
  const found = run(
    'npx',
    ['--yes', `--package=node@${major}`, '--', 'node', '-p', 'process.execPath'],
    tmpdir(),
  );
  const path = found.out.trim().split('\n').at(-1) ?? '';
  return found.code === 0 && existsSync(path) ? path : undefined;
}

describe.each([22, 24])('on Node %i', (major) => {
  let bin: string | undefined;
  beforeAll(() => {
    bin = nodeOf(major);
    if (!bin)
      console.warn(
        `skipped: no Node ${major} binary could be had from the npm registry (node@${major})`,
      );
  }, 180_000);

  it('npx homeops app, and npx plop loads the plopfile, with no loader flag', (test) => {
    if (!bin) return test.skip();
    const path = dirname(bin);
    expect(run('node', ['--version'], repo, path).out).toMatch(new RegExp(`^v${major}\\.`));
    const cli = run(
      'npx',
      [
        'homeops',
        'app',
        '--yes',
        `--name=echo${major}`,
        '--image=ghcr.io/mendhak/http-https-echo:37',
        '--port=8080',
      ],
      join(repo, 'kubernetes'),
      path,
    );
    expect(cli.out).toContain(`created  kubernetes/apps/default/echo${major}/ks.yaml`);
    expect(cli.code).toBe(0);
    // the generator's own refusal of a mistyped answer: the plopfile loaded and read plop's bypass
    const plop = run('npx', ['plop', 'app', '--', '--nmae=x'], join(repo, 'kubernetes'), path);
    expect(plop.out).toContain('"nmae" is not an input of app');
    expect(plop.code).toBe(1);
  }, 60_000);

  it.runIf(major === 22)(
    'npx plop app at a terminal, answers given by name, to the end',
    async (test) => {
      if (!bin) return test.skip();
      const session = ptyNpx(
        [
          'plop',
          'app',
          '--',
          `--name=whoami${major}`,
          '--image=ghcr.io/traefik/whoami:v1.10.4',
          '--port=80',
        ],
        join(repo, 'kubernetes'),
        dirname(bin),
      );
      try {
        expect(await acceptDefaults(session)).toBe(0);
      } finally {
        session.kill();
      }
      expect(session.screen).not.toMatch(/App name|Container image|Container port/);
      expect(existsSync(join(repo, `kubernetes/apps/default/whoami${major}/ks.yaml`))).toBe(true);
    },
    120_000,
  );
});
