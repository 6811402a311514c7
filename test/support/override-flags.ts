/**
 * A command line with some flags replaced (`--name=x` drops the base's `--name=...`): the CLI
 * refuses a flag given twice, as it would write only the last value.
 */
export function overrideFlags(base: readonly string[], ...flags: string[]): string[] {
  const name = (flag: string) => flag.split('=')[0];
  return [...base.filter((f) => !flags.some((o) => name(o) === name(f))), ...flags];
}
