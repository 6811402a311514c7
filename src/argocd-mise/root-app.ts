import { APPS_DIR, dig, sourcesOf, type MiseAppsIndex } from './apps-index.ts';

/**
 * Whether an Application (the `root` app of src/bootstrap/argocd) picks up every
 * `src/apps/**\/application.yaml`: a directory source on src/apps with `recurse: true`.
 * Apps need no other registration; without it, a new app is never synced.
 */
export function rootAppRecurses(index: MiseAppsIndex): boolean {
  return index
    .applications()
    .some(({ doc }) =>
      sourcesOf(doc).some(
        (s) =>
          String(s.path ?? '').replace(/\/$/, '') === APPS_DIR &&
          dig(s, 'directory', 'recurse') === true,
      ),
    );
}

export const ROOT_APP_MISSING =
  'no Application recurses over src/apps (the root app of src/bootstrap/argocd/root-app.yaml), so Argo CD will not see this; add one with source.path src/apps and directory.recurse: true';
