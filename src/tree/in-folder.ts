/** Whether a repo-relative path is the folder `dir` or lies in its tree (`''` is the repo's root). */
export function inFolder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}
