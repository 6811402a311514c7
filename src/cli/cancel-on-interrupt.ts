/**
 * Ctrl-C while a person answers the questions (or reads the preview) ends the run at once:
 * nothing has been written yet, and it says so. inquirer turns Ctrl-C at a prompt into a SIGINT
 * of the process, so this one handler covers every prompt. Exits 130, as a shell reports a run
 * ended by SIGINT. Returns the release, called before the commit: from then on the commit's own
 * handling of signals applies (it finishes or undoes what it wrote).
 */
export function cancelOnInterrupt(
  say: (text: string) => void,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const onInterrupt = () => {
    say('\ncancelled, nothing written\n');
    exit(130);
  };
  process.on('SIGINT', onInterrupt);
  return () => void process.off('SIGINT', onInterrupt);
}
