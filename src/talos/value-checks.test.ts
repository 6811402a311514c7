import { describe, expect, it } from 'vitest';
import { checkDisk } from './node-input.ts';
import { devicePathProblem, kernelModuleProblem } from './value-checks.ts';

describe('install disk values', () => {
  it.each(['/dev/../etc/passwd', '/dev/disk/by-id/../../sda', '/dev/./sda'])(
    'refuses %s: a step out of /dev',
    (path) => {
      expect(devicePathProblem(path)).toBe(
        `"${path}" has a "." or ".." step; an install disk is a device under /dev`,
      );
      expect(checkDisk(path)).toMatchObject({
        field: 'disk',
        message: `"${path}" has a "." or ".." step; an install disk is a device under /dev`,
      });
    },
  );

  it('accepts device paths and by-id links', () => {
    expect(checkDisk('/dev/disk/by-id/nvme-Samsung_SSD_980_1TB')).toEqual({
      kind: 'installDisk',
      value: '/dev/disk/by-id/nvme-Samsung_SSD_980_1TB',
    });
  });

  it.each(['model:', 'serial=', 'wwid :  '])('refuses the selector %j without a value', (value) => {
    const key = value.split(/[ :=]/)[0];
    expect(checkDisk(value)).toMatchObject({
      field: 'disk',
      message: `install disk selector "${key}" has no value`,
      fix: `give a value after the colon, e.g. ${key}:<value>`,
    });
  });

  it('refuses an unknown selector key, and names the right spelling of a known one', () => {
    expect(checkDisk('Model:Samsung*')).toMatchObject({
      message: '"Model" is not an install disk selector',
      fix: 'write it as model:Samsung*',
    });
    expect(checkDisk('vendor:x')).toMatchObject({
      message: '"vendor" is not an install disk selector',
      fix: 'use one of size, name, model, serial, modalias, uuid, wwid, type, busPath',
    });
  });
});

describe('kernel modules', () => {
  it.each(['nct6775', 'nct6775 force_id=0xd420', 'i915 enable_guc=3 enable_fbc=1'])(
    'accepts %s',
    (v) => expect(kernelModuleProblem(v)).toBeUndefined(),
  );
  it('refuses a parameter that is not key=value', () => {
    expect(kernelModuleProblem('nct6775 force_id')).toBe(
      'module nct6775: parameter "force_id" is not key=value (e.g. nct6775 force_id=0xd420)',
    );
    expect(kernelModuleProblem('nct6775 =1')).toMatch(/parameter "=1" is not key=value/);
    expect(kernelModuleProblem('NCT6775')).toBe('"NCT6775" is not a kernel module name');
  });
});
