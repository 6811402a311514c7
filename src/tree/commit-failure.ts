import { errorsOf, HomeopsError } from '../errors.ts';
import { errnoCode } from './commit-fs.ts';

const REASONS: Record<string, { reason: string; fix: string }> = {
  ENOSPC: { reason: 'the disk is full', fix: 'free some space on the disk and run again' },
  EDQUOT: { reason: 'the disk quota is used up', fix: 'free some space and run again' },
  EACCES: {
    reason: 'permission denied',
    fix: 'check that you may write to the repository folder and run again',
  },
  EPERM: {
    reason: 'operation not permitted',
    fix: 'check that you may write to the repository folder and run again',
  },
  EROFS: {
    reason: 'the file system is read-only',
    fix: 'run it where the repository is writable',
  },
  EIO: { reason: 'an input/output error', fix: 'check the disk and run again' },
};

/**
 * What the user is told when the commit stopped: the refusal as it was, or the file whose write
 * failed and why. Either way, after the rollback: "nothing was changed" only when that is true.
 */
export function writeFailure(
  error: unknown,
  file: string | undefined,
  notUndone: readonly string[],
): unknown {
  const ours = errorsOf(error);
  const code = errnoCode(error);
  if (!ours && code === undefined) return error; // a bug: the CLI reports it as one
  const failure =
    ours?.[0] ??
    new HomeopsError(
      'WRITE',
      `could not write ${file ?? 'the changes'}: ${REASONS[code ?? '']?.reason ?? code}; nothing was changed`,
      {
        ...(file && { file }),
        fix:
          REASONS[code ?? '']?.fix ?? 'check that the repository folder is writable and run again',
      },
    );
  if (notUndone.length === 0) return ours && ours.length > 1 ? error : failure;
  return new HomeopsError(
    'WRITE',
    `${failure.message.replace(/; nothing was changed$/, '')}, and the changes could not all be undone: ${notUndone.join('; ')}`,
    {
      ...(failure.file && { file: failure.file }),
      fix: 'check these files by hand (git status, git diff)',
    },
  );
}
