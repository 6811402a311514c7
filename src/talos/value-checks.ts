/**
 * Checks of Talos values that talhelper and Talos would refuse only when the config is applied:
 * each returns what is wrong (a sentence about the value), or undefined.
 */

/** An install disk path: a device under /dev, with no `.` or `..` step out of it. */
export function devicePathProblem(value: string): string | undefined {
  if (!/^\/dev\/\S+$/.test(value)) return `"${value}" is not a device path under /dev`;
  const steps = value.split('/').slice(1);
  if (steps.some((s) => s === '..' || s === '.'))
    return `"${value}" has a "." or ".." step; an install disk is a device under /dev`;
  if (steps.some((s) => s === '')) return `"${value}" has an empty step ("//")`;
  return undefined;
}

/**
 * A kernel module to load: its name, then parameters as key=value after spaces
 * (`nct6775 force_id=0xd420`): Talos passes each parameter to modprobe as it is.
 */
export function kernelModuleProblem(value: string): string | undefined {
  const [name = '', ...parameters] = value.trim().split(/\s+/);
  if (!/^[a-z0-9_-]+$/.test(name)) return `"${value}" is not a kernel module name`;
  const bad = parameters.find((p) => !/^[A-Za-z0-9_.-]+=\S+$/.test(p));
  if (bad !== undefined)
    return `module ${name}: parameter "${bad}" is not key=value (e.g. ${name} force_id=0xd420)`;
  return undefined;
}
