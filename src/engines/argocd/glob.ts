/**
 * A path pattern as Argo CD writes them (git generators, `directory.include`/`exclude`): `*` within
 * a folder name, `**` across folders, `?` one character, `{a,b}` either.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      // `**/` is any number of whole folders (none included); a trailing `**` is anything
      if (glob.charAt(i + 1) === '/') {
        re += '(?:.*/)?';
        i++;
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      re += '(?:';
      braces++;
    } else if (c === '}' && braces > 0) {
      re += ')';
      braces--;
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export const globMatches = (glob: string, path: string): boolean => globToRegExp(glob).test(path);

/** A repo-relative path as Argo CD objects write them: no `./`, no trailing `/`. */
export function cleanPath(path: string): string {
  const p = path.replace(/^\.\//, '').replace(/\/+$/, '');
  return p === '.' ? '' : p;
}
