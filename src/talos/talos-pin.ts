/**
 * The `talos:` section of `.homeops.yaml`: pins the Talos tool and/or where its files are, for a
 * repo where detection is ambiguous (two tools side by side during a migration, a copy of the
 * config kept for reference) or finds nothing (an unusual file name).
 *
 *   talos:
 *     tool: topf                      # talhelper | topf | templates | talosctl-mise
 *     path: talos/topf.yaml           # or a list, one per cluster; a file or its folder
 */
import { TALOS_TOOLS, type TalosTool } from './backend.ts';

export interface TalosPin {
  tool?: TalosTool;
  paths?: string[];
}

export type PinError = (path: string[], message: string, fix: string) => Error;

const EXAMPLE = 'e.g. talos: { tool: topf, path: talos/topf.yaml }';

export function readTalosPin(value: unknown, fail: PinError): TalosPin {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw fail([], 'must be a mapping with tool and/or path', EXAMPLE);
  const pin: TalosPin = {};
  for (const [key, setting] of Object.entries(value)) {
    if (key === 'tool') {
      if (!TALOS_TOOLS.includes(setting as TalosTool))
        throw fail(
          ['tool'],
          `"${String(setting)}" is not a Talos tool homeops knows`,
          `use one of: ${TALOS_TOOLS.join(', ')}`,
        );
      pin.tool = setting as TalosTool;
    } else if (key === 'path') {
      const paths = Array.isArray(setting) ? setting : [setting];
      if (paths.length === 0 || !paths.every((p) => typeof p === 'string' && p.trim() !== ''))
        throw fail(
          ['path'],
          'must be a repo-relative path, or a list of them (one per cluster)',
          EXAMPLE,
        );
      pin.paths = (paths as string[]).map((p) => p.trim().replace(/^\.\//, '').replace(/\/$/, ''));
    } else {
      throw fail([key], `unknown key "${key}"`, `talos takes tool and path (${EXAMPLE})`);
    }
  }
  return pin;
}
