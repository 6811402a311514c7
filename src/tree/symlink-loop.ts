import { lstatSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { HomeopsError } from '../errors.ts';

/**
 * The refusal for a path the system cannot follow (ELOOP): it names the symbolic link that loops,
 * the path itself or the first folder on its way that is one.
 */
export function symlinkLoopError(root: string, path: string): HomeopsError {
  const parts = path.split('/');
  let link = path;
  for (let i = 1; i <= parts.length; i++) {
    const at = parts.slice(0, i).join('/');
    if (lstatSync(join(root, at), { throwIfNoEntry: false })?.isSymbolicLink() && loops(root, at)) {
      link = at;
      break;
    }
  }
  return new HomeopsError(
    'LAYOUT',
    `${link} is a symbolic link loop${link === path ? '' : `, on the way to ${path}`}`,
    {
      file: link,
      fix: `remove the link (rm ${posix.normalize(link)}) or point it at a real file or folder, and run again`,
    },
  );
}

function loops(root: string, path: string): boolean {
  try {
    statSync(join(root, path));
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
}
