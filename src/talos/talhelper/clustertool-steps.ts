/**
 * ClusterTool repos keep addresses in clusters/main/clusterenv.yaml, encrypted with SOPS: homeops
 * reads its keys but not its values, never writes it, and says which variables to check or add.
 */
import { posix } from 'node:path';
import type { CheckedNodeInput } from '../node-input.ts';
import type { TalhelperRepo } from './talhelper-repo.ts';

/** Encrypted keys that hold addresses (VIP, GATEWAY, MASTER1IP, METALLB_RANGE, ..._IP). */
const addressKeys = (th: TalhelperRepo): string[] =>
  th.encrypted.filter((k) => /(IP|GATEWAY|RANGE)$/.test(k));

export function encryptedWarning(th: TalhelperRepo, ip: string): string {
  return `${th.envFile} is SOPS-encrypted: ${ip} could not be checked against ${addressKeys(th).join(', ') || 'its variables'} (see the next steps)`;
}

/** `${MASTER1IP}` -> the next name of that series for a new control plane: `MASTER2IP`. */
function nextAddressVar(th: TalhelperRepo): { next: string; first: string } | undefined {
  const series = th.facts.nodes
    .filter((n) => n.controlPlane)
    .map((n) => /^\$\{([A-Z_]*?)(\d+)([A-Z_]*)\}$/.exec(n.ipAddressRaw))
    .filter((m): m is RegExpExecArray => m !== null);
  const [head] = series;
  if (!head) return undefined;
  const [, prefix, number, suffix] = head;
  const taken = new Set([...th.encrypted, ...Object.keys(th.vars)]);
  let n = Math.max(...series.map((m) => Number(m[2]))) + 1;
  while (taken.has(`${prefix}${n}${suffix}`)) n++;
  return { next: `${prefix}${n}${suffix}`, first: `${prefix}${number}${suffix}` };
}

export function clustertoolSteps(th: TalhelperRepo, node: CheckedNodeInput): string[] {
  const steps: string[] = [];
  const keys = addressKeys(th);
  if (keys.length > 0) {
    steps.push(
      `run \`sops -d ${th.envFile}\` and make sure ${node.ip} is none of ${keys.join(', ')} and outside any range among them (homeops cannot read the encrypted values)`,
    );
  }
  const series = node.role === 'controlplane' ? nextAddressVar(th) : undefined;
  if (series) {
    const sans =
      /additional(ApiServer|Machine)CertSans[\s\S]*\$\{/.test(th.text) &&
      th.text.includes(`\${${series.first}}`);
    steps.push(
      `to keep control-plane addresses in ${th.envFile} like \${${series.first}}: add ${series.next}: ${node.ip} with \`sops ${th.envFile}\`, ` +
        `then write \${${series.next}} for ${node.hostname}'s ipAddress and address in ${th.file}` +
        (sans ? ` and add it to additionalApiServerCertSans and additionalMachineCertSans` : ''),
    );
  }
  const cluster =
    th.facts.clusterName && !th.facts.clusterName.includes('${')
      ? th.facts.clusterName
      : '<cluster name>';
  const generated = posix.join(th.dir, 'generated');
  steps.push(
    `regenerate the machine configs: ./clustertool genconfig (writes ${generated}/)`,
    `boot ${node.hostname} from the Talos ISO of its schematic, then apply its config in maintenance mode: talosctl apply-config --insecure --nodes ${node.ip} --file "${generated}/${cluster}-${node.hostname}.yaml"`,
    `commit ${th.file} and the generated configs`,
  );
  return steps;
}
