import { describe, expect, it } from 'vitest';
import { addConfigPatch } from '../../src/talos/mise/config-patch.ts';
import { addApplyTask, addEnvVar } from '../../src/talos/mise/node-edits.ts';
import {
  lastContentLine,
  linesInString,
  parseToml,
  sameExcept,
  tomlTables,
} from '../../src/talos/toml-text.ts';

const TRICKY = `[env]
A_IP = "10.0.0.1" # first

[tasks.write-conf]
run = """
cat > /etc/x.toml <<EOF
[plugins."io.containerd.cri.v1.images"]
  # not a comment of the TOML file
EOF
"""

[tasks.literal]
run = '''
[not.a.header]
'''
description = "a \\"quoted\\" [x]"

[tasks.apply-a]
description = "Apply config to a only"
run = "talosctl apply-config --nodes \${A_IP} --file controlplane-a.yaml"

# trailing banner
`;

describe('toml-text', () => {
  it('knows which lines are inside multi-line strings, and finds only real headers', () => {
    const inString = linesInString(TRICKY);
    const lines = TRICKY.split('\n');
    expect(inString[lines.indexOf('[plugins."io.containerd.cri.v1.images"]')]).toBe(true);
    expect(inString[lines.indexOf('[not.a.header]')]).toBe(true);
    expect(inString[lines.indexOf('description = "a \\"quoted\\" [x]"')]).toBe(false);
    expect(tomlTables(TRICKY).map((t) => t.name)).toEqual([
      'env',
      'tasks.write-conf',
      'tasks.literal',
      'tasks.apply-a',
    ]);
    const apply = tomlTables(TRICKY).at(-1)!;
    expect(lines[lastContentLine(TRICKY, apply.header, apply.end)]).toMatch(/^run = "talosctl/);
  });

  it('compares parsed files except at given paths', () => {
    const a = parseToml('x = 1\n[t]\ny = "a"\n')!;
    expect(sameExcept(a, parseToml('x = 1\n[t]\ny = "b"\n')!, [['t', 'y']])).toBe(true);
    expect(sameExcept(a, parseToml('x = 2\n[t]\ny = "b"\n')!, [['t', 'y']])).toBe(false);
    expect(parseToml('not = [valid')).toBeUndefined();
  });

  it('adds an env variable and an apply task in the shape of the existing ones', () => {
    const withVar = addEnvVar(TRICKY, 'B_IP', '10.0.0.2', ['A_IP'])!;
    expect(withVar).toContain('A_IP = "10.0.0.1" # first\nB_IP = "10.0.0.2"\n');
    const withTask = addApplyTask(
      withVar,
      { name: 'b', varName: 'B_IP', role: 'worker', ip: '10.0.0.2' },
      [{ name: 'a', varName: 'A_IP', role: 'controlplane', ip: '10.0.0.1' }],
    )!;
    expect(withTask).toContain(
      'run = "talosctl apply-config --nodes ${A_IP} --file controlplane-a.yaml"\n\n[tasks.apply-b]\ndescription = "Apply config to b only"\nrun = "talosctl apply-config --nodes ${B_IP} --file worker-b.yaml"\n\n# trailing banner\n',
    );
  });

  it('adds a task at the end when there is none to follow', () => {
    const text = '[env]\nX_IP = "10.0.0.9"\n';
    expect(addApplyTask(text, { name: 'x', varName: 'X_IP', role: 'controlplane' }, [])).toBe(
      `${text}\n[tasks.apply-x]\ndescription = "Apply config to x only"\nrun = "talosctl apply-config --nodes \${X_IP} --file controlplane-x.yaml"\n`,
    );
  });

  it('refuses an edit it cannot make safely', () => {
    expect(addEnvVar('[tools]\nx = "1"\n', 'B_IP', '10.0.0.2', [])).toBeUndefined(); // no [env]
    expect(
      addEnvVar('[env]\n_.python.venv = { path = ".venv" }\n', 'B_IP', '10.0.0.2', []),
    ).toBeUndefined(); // no key = "value" line to follow
  });

  it('adds a config patch to talosctl commands listed line by line, once', () => {
    const text = `[tasks.gen]\nrun = """\ntalosctl gen config \\\n  --config-patch-control-plane @p/cp.yaml \\\n  --config-patch @p/a.yaml \\\n  c https://x:6443\ntalosctl machineconfig patch controlplane.yaml \\\n  --patch @p/network-n1.yaml \\\n  --output controlplane-n1.yaml\n"""\n`;
    const all = addConfigPatch(text, 'p/new.yaml', { scope: 'global' }, 'p')!;
    expect(all.text).toContain(
      '  --config-patch @p/a.yaml \\\n  --config-patch @p/new.yaml \\\n  c https://x:6443',
    );
    expect(all.tasks).toEqual(['gen']);
    const cp = addConfigPatch(text, 'p/new.yaml', { scope: 'controlPlane' }, 'p')!;
    expect(cp.text).toContain(
      '  --config-patch-control-plane @p/cp.yaml \\\n  --config-patch-control-plane @p/new.yaml \\\n  --config-patch @p/a.yaml',
    );
    const node = addConfigPatch(text, 'p/new-n1.yaml', { scope: 'node', name: 'n1' }, 'p')!;
    expect(node.text).toContain(
      '  --patch @p/network-n1.yaml \\\n  --patch @p/new-n1.yaml \\\n  --output controlplane-n1.yaml',
    );
    expect(addConfigPatch(all.text, 'p/new.yaml', { scope: 'global' }, 'p')).toEqual({
      text: all.text,
      tasks: [],
      already: true,
    });
    expect(addConfigPatch(text, 'p/x.yaml', { scope: 'node', name: 'n9' }, 'p')).toBeUndefined();
  });
});
