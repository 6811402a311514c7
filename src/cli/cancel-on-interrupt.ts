/**
 * Ctrl-C while a person answers the questions (or reads the preview) ends the run at once:
 * nothing has been written yet, and it says so, exiting 130 as a shell reports a run ended by
 * SIGINT. At a prompt the terminal is raw and Ctrl-C is a key: the prompts call `cancel`; between
 * prompts (a lookup running) it is a SIGINT. `release`, called before the commit, hands signals
 * to the commit's own handling (it finishes, or undoes what it wrote).
 */
export function cancelOnInterrupt(
  say: (text: string) => void,
  exit: (code: number) => void = (code) => process.exit(code),
): { cancel: () => void; release: () => void } {
  let released = false;
  const cancel = () => {
    if (released) return;
    say('\ncancelled, nothing written\n');
    exit(130);
  };
  process.on('SIGINT', cancel);
  return {
    cancel,
    release: () => {
      released = true;
      process.off('SIGINT', cancel);
    },
  };
}
