import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, ROOT, snapshotFiles } from './support/temp-repo.ts';

/**
 * Inputs that passed here but that the cluster, talhelper or Talos refuse, and files that gave
 * internal errors or wrong advice: each is refused with the field (or file) and the fix, exit 1
 * (2 for a usage error), and nothing is written.
 */

const answersFile = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'homeops-answers-')), 'answers.yaml');
  writeFileSync(path, text);
  return path;
};

async function refused(
  fixture: string,
  argv: string[],
  expected: { code?: number; stderr: string | RegExp },
): Promise<void> {
  const repo = copyFixture(fixture);
  const before = snapshotFiles(repo);
  const run = await homeops(argv[0] ?? '', '--dest', repo, ...argv.slice(1));
  if (typeof expected.stderr === 'string') expect(run.stderr).toBe(expected.stderr);
  else expect(run.stderr).toMatch(expected.stderr);
  expect(run.code).toBe(expected.code ?? 1);
  expect(snapshotFiles(repo)).toEqual(before);
}

const DNS_1035 =
  'it names a Service, so it must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter and ending with a letter or digit, at most 53 characters)';
const flux = ['--namespace=default', '--image=ghcr.io/example/app:1.2.3', '--port=8080'];

describe('app names start with a letter (a Service refuses 1app), in every layout', () => {
  it.each(['flux', 'flux-operator', 'clustertool', 'argocd', 'argocd-mise'])('%s', async (fx) => {
    await refused(fx, ['app', '--name=1app', '--yes'], {
      stderr: `error: --name: "1app" is not a valid app name: ${DNS_1035}\n  fix: use something like "app-1app"\nnothing was written\n`,
    });
    await refused(fx, ['app', '--answers', answersFile('name: 123\n'), '--yes'], {
      stderr: `error: --name: "123" is not a valid app name: ${DNS_1035}\n  fix: use something like "app-123"\nnothing was written\n`,
    });
  });
});

describe('values the cluster would refuse', () => {
  it.each([
    [
      '/',
      /--mountPath: "\/" would mount the volume over the container's whole file system\n {2}fix: pass the folder the app keeps its data in, e.g. --mountPath=\/config/,
    ],
    [
      '/tmp',
      /--mountPath: "\/tmp" is already a mount of the container \(its scratch emptyDir volume\)\n {2}fix: pass another folder/,
    ],
    ['/tmp/', /--mountPath: "\/tmp\/" is already a mount of the container/],
  ])('--mountPath=%s', async (path, stderr) => {
    for (const fx of ['flux', 'argocd'])
      await refused(
        fx,
        [
          'app',
          '--name=echo2',
          ...(fx === 'flux' ? flux : flux.slice(1)),
          '--storage=1Gi',
          `--mountPath=${path}`,
        ],
        { stderr },
      );
  });

  it('--mountPath where a volume the app has from its siblings is mounted already', async () => {
    const repo = copyFixture('flux');
    // both app-template apps of the namespace mount a logs emptyDir: the new app has it too
    const echo = join(repo, 'kubernetes/apps/default/echo/app/helmrelease.yaml');
    writeFileSync(
      echo,
      `${readFileSync(echo, 'utf8')}    persistence:\n      logs:\n        type: emptyDir\n        globalMounts:\n          - path: /app/config/logs\n`,
    );
    const args = ['app', '--dest', repo, '--name=echo2', ...flux, '--storage=1Gi'];
    const elsewhere = await homeops(...args, '--mountPath=/config', '--dry-run');
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(elsewhere.stdout).toContain('+          - path: /app/config/logs\n');
    const before = snapshotFiles(repo);
    const run = await homeops(...args, '--mountPath=/app/config/logs/');
    expect(run.stderr).toBe(
      'error: --mountPath: "/app/config/logs/" is already a mount of the container (persistence logs, as this repo\'s other apps have it)\n  fix: pass another folder, e.g. --mountPath=/data\nnothing was written\n',
    );
    expect(run.code).toBe(1);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it.each(['0x50', '1e3', '80.5', '+80'])('--port=%s: decimal digits only', async (port) => {
    await refused('flux', ['app', '--name=echo2', ...flux.slice(0, 2), `--port=${port}`], {
      stderr: `error: --port: "${port}" is not a whole number (decimal digits only)\n  fix: pass --port=<number>, e.g. --port=8080\nnothing was written\n`,
    });
  });

  it('an answers-file port: [80] is one value too many', async () => {
    const answers = answersFile(
      'name: echo2\nnamespace: default\nimage: ghcr.io/a/b:1.0\nport: [80]\n',
    );
    await refused('flux', ['app', '--answers', answers], {
      stderr:
        'error: --port: expected a single value, got a list\n  fix: pass --port=<value>\nnothing was written\n',
    });
  });

  it('a control character in a name', async () => {
    await refused(
      'flux',
      ['app', '--name=echo2', '--namespace=de\u001b[2Jfault', ...flux.slice(1)],
      {
        stderr:
          /--namespace: "de\?\[2Jfault" holds a control character \(U\+001B\), which no value may\n {2}fix: pass --namespace without it/,
      },
    );
  });

  it('a repeated input flag, as a repeated --dest: the last value would win without a word', async () => {
    await refused('flux', ['app', '--name=aa', '--name=bb', ...flux], {
      code: 2,
      stderr:
        'error: --name: --name is given more than once\n  fix: give --name once\nnothing was written\n',
    });
  });

  it('a value of 100,000 characters is refused without being printed', async () => {
    const repo = copyFixture('flux');
    const run = await homeops('app', '--dest', repo, `--name=${'a'.repeat(100_000)}`, ...flux);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: --name: the value is 100000 characters long; an input takes at most 4096\n  fix: pass a shorter --name\nnothing was written\n',
    );
  });

  it('a long bad value is quoted cut short, in the message and the fix', async () => {
    const repo = copyFixture('flux');
    const run = await homeops('app', '--dest', repo, `--name=${'A'.repeat(3000)}`, ...flux);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `"${'A'.repeat(64)}... (3000 characters)" is not a valid app name`,
    );
    expect(run.stderr.length).toBeLessThan(700);
  });
});

describe('Talos values talhelper or Talos would refuse', () => {
  const node = [
    '--hostname=k8s-9',
    '--ip=192.168.1.19',
    '--role=worker',
    '--mac=aa:bb:cc:dd:ee:19',
  ];
  it.each([
    [
      '/dev/../etc/passwd',
      /--disk: "\/dev\/..\/etc\/passwd" has a "." or ".." step; an install disk is a device under \/dev/,
    ],
    [
      'model:',
      /--disk: install disk selector "model" has no value\n {2}fix: give a value after the colon, e.g. model:<value>/,
    ],
    [
      'Model:Samsung',
      /--disk: "Model" is not an install disk selector\n {2}fix: write it as model:Samsung/,
    ],
  ])('node --disk=%s', async (disk, stderr) => {
    await refused('flux', ['node', ...node, `--disk=${disk}`], { stderr });
  });

  it('patch install-disk --disk=/dev/../sda', async () => {
    await refused(
      'flux',
      ['patch', '--patch=install-disk', '--target=k8s-1', '--disk=/dev/../sda'],
      {
        stderr: /--disk: install-disk: "\/dev\/..\/sda" has a "." or ".." step/,
      },
    );
  });

  it("an empty required list (--modules='', modules: []) is a missing input", async () => {
    const expected =
      'error: missing required input: --modules\n  fix: pass --modules=<modules>, or run in a terminal to be asked\nnothing was written\n';
    await refused('flux', ['patch', '--patch=kernel-modules', '--target=all', '--modules='], {
      stderr: expected,
    });
    const answers = answersFile('patch: kernel-modules\ntarget: all\nmodules: []\n');
    await refused('flux', ['patch', '--answers', answers], { stderr: expected });
  });

  it('a module parameter that is not key=value', async () => {
    await refused(
      'flux',
      ['patch', '--patch=kernel-modules', '--target=all', '--modules=nct6775 force_id'],
      {
        stderr:
          /--modules: kernel-modules: module nct6775: parameter "force_id" is not key=value \(e\.g\. nct6775 force_id=0xd420\)/,
      },
    );
  });
});

describe('files that gave internal errors or wrong advice', () => {
  it('__proto__ among the conventions of .homeops.yaml: named, on its line', async () => {
    const repo = copyFixture('flux');
    writeFileSync(join(repo, '.homeops.yaml'), 'conventions:\n  routeIn: values\n  __proto__: x\n');
    const run = await homeops('app', '--dest', repo, '--name=echo2', ...flux);
    expect(run.stderr).toBe(
      'error: .homeops.yaml:3: conventions.__proto__: unknown convention "__proto__"\n  fix: known: routeIn, storageIn, schemaHost, domain, gatewayInternal, gatewayExternal, gatewayNamespace, gatewaySectionName, storageClass, podUser\nnothing was written\n',
    );
    expect(run.code).toBe(1);
  });

  it('a symbolic link loop in the repo: named, with the fix', async () => {
    const repo = copyFixture('flux');
    symlinkSync('loop-b', join(repo, 'kubernetes/apps/default/loop-a'));
    symlinkSync('loop-a', join(repo, 'kubernetes/apps/default/loop-b'));
    // listed where Flux reads: homeops reads it too (a loop nothing lists is never touched)
    const list = join(repo, 'kubernetes/apps/default/kustomization.yaml');
    writeFileSync(
      list,
      readFileSync(list, 'utf8').replace('resources:\n', 'resources:\n  - ./loop-a\n'),
    );
    const run = await homeops('app', '--dest', repo, '--name=echo2', ...flux);
    expect(run.stderr).toMatch(
      /^error: kubernetes\/apps\/default\/loop-[ab]: kubernetes\/apps\/default\/loop-[ab] is a symbolic link loop\n {2}fix: remove the link \(rm kubernetes\/apps\/default\/loop-[ab]\) or point it at a real file or folder, and run again\nnothing was written\n$/,
    );
    expect(run.code).toBe(1);
  });

  it('a dangling symbolic link at the app path: named, not "check that the folder is writable"', async () => {
    const repo = copyFixture('flux');
    const before = snapshotFiles(repo);
    const link = join(repo, 'kubernetes/apps/default/echo2');
    symlinkSync('/nonexistent-homeops', link);
    const run = await homeops('app', '--dest', repo, '--name=echo2', ...flux);
    expect(run.stderr).toBe(
      'error: kubernetes/apps/default/echo2: kubernetes/apps/default/echo2 is a symbolic link to something that does not exist, on the way to kubernetes/apps/default/echo2/app/helmrelease.yaml\n  fix: edit it by hand, or replace the link with a real file or folder, and run again\nnothing was written\n',
    );
    expect(run.code).toBe(1);
    unlinkSync(link);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('a read-only (mode 444) file to edit: refused, naming it', async () => {
    const repo = copyFixture('flux');
    chmodSync(join(repo, 'kubernetes/apps/default/kustomization.yaml'), 0o444);
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, '--name=echo2', ...flux);
    expect(run.stderr).toBe(
      'error: kubernetes/apps/default/kustomization.yaml: kubernetes/apps/default/kustomization.yaml is read-only (mode 444), and this change edits it\n  fix: make it writable (chmod u+w kubernetes/apps/default/kustomization.yaml) if homeops may edit it, and run again\nnothing was written\n',
    );
    expect(run.code).toBe(1);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('--answers /dev/zero returns at once (the built bin, a real process)', () => {
    const repo = copyFixture('flux');
    const started = Date.now();
    // with a timeout of its own: before the fix, the run read /dev/zero until memory ran out
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/homeops.mjs'), 'app', '--dest', repo, '--answers', '/dev/zero'],
      { encoding: 'utf8', timeout: 20_000, env: { ...process.env, NODE_OPTIONS: '' } },
    );
    expect(run.stderr).toBe(
      'error: --answers: the answers file /dev/zero is not a regular file (a folder, device or pipe)\n  fix: pass the path of a YAML or JSON file\nnothing was written\n',
    );
    expect(run.status).toBe(2);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
