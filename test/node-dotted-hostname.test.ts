import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flags } from './support/talos-repos.ts';
import { copyFixture, homeops } from './support/temp-repo.ts';

const TALCONFIG = 'talos/talconfig.yaml';
const node = {
  hostname: 'k8s-3.home.lan',
  ip: '192.168.1.14',
  role: 'worker',
  disk: '/dev/nvme0n1',
  mac: 'bc:24:11:3a:5f:04',
};

/**
 * The flux fixture with its nodes named by DNS names (`k8s-0.home.lan`, as MacroPower/homelab
 * names them), k8s-0's patch folder renamed along, and k8s-1 given one too: most nodes have one.
 */
function dottedRepo(): string {
  const repo = copyFixture('flux');
  const file = join(repo, TALCONFIG);
  const text = readFileSync(file, 'utf8')
    .replace(/hostname: "(k8s-\d)"/g, 'hostname: "$1.home.lan"')
    .replace('@./patches/k8s-0/', '@./patches/k8s-0.home.lan/')
    .replace(
      '  - hostname: "k8s-2.home.lan"',
      '    patches:\n      - "@./patches/k8s-1.home.lan/machine-kernel.yaml"\n  - hostname: "k8s-2.home.lan"',
    );
  writeFileSync(file, text);
  const patches = join(repo, 'talos/patches');
  cpSync(join(patches, 'k8s-0'), join(patches, 'k8s-0.home.lan'), { recursive: true });
  cpSync(join(patches, 'k8s-0'), join(patches, 'k8s-1.home.lan'), { recursive: true });
  rmSync(join(patches, 'k8s-0'), { recursive: true });
  return repo;
}

describe('homeops node (talhelper): a dotted DNS name as hostname where the other nodes have one', () => {
  it('adds the node, its own patch folder named by it, and a patch can target it', async () => {
    const repo = dottedRepo();
    const added = await homeops('node', '--dest', repo, ...flags(node));
    expect(added.stderr).not.toContain('error');
    expect(added.code).toBe(0);
    const text = readFileSync(join(repo, TALCONFIG), 'utf8');
    expect(text).toContain('  - hostname: "k8s-3.home.lan"\n    ipAddress: "192.168.1.14"\n');
    expect(text).toContain('      - "@./patches/k8s-3.home.lan/machine-kernel.yaml"\n');
    expect(existsSync(join(repo, 'talos/patches/k8s-3.home.lan/machine-kernel.yaml'))).toBe(true);

    const patched = await homeops(
      'patch',
      '--dest',
      repo,
      '--patch=sysctls',
      '--sysctls=vm.max_map_count=262144',
      '--target=k8s-3.home.lan',
    );
    expect(patched.stderr).toBe('');
    expect(patched.code).toBe(0);
    expect(
      readFileSync(join(repo, 'talos/patches/k8s-3.home.lan/machine-sysctls.yaml'), 'utf8'),
    ).toContain('vm.max_map_count: "262144"');
    expect(readFileSync(join(repo, TALCONFIG), 'utf8')).toContain(
      '      - "@./patches/k8s-3.home.lan/machine-kernel.yaml"\n      - "@./patches/k8s-3.home.lan/machine-sysctls.yaml"\n',
    );
  });

  it('refuses a name that is not lower-case DNS labels, dotted or not', async () => {
    const result = await homeops(
      'node',
      '--dest',
      dottedRepo(),
      ...flags({ ...node, hostname: 'k8s-3.Home.lan' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--hostname: "k8s-3.Home.lan" is not a valid hostname');
    const empty = await homeops(
      'node',
      '--dest',
      dottedRepo(),
      ...flags({ ...node, hostname: 'k8s-3..lan' }),
    );
    expect(empty.code).toBe(1);
  });

  it('keeps the one-label rule where the other nodes have one-label names, and says why', async () => {
    const repo = copyFixture('flux');
    const result = await homeops('node', '--dest', repo, ...flags(node));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--hostname: "k8s-3.home.lan" is not a valid hostname');
    expect(result.stderr).toContain(
      'a dotted name is taken where most of the other nodes have one',
    );
  });
});
