import { homeops } from './temp-repo.ts';

/** An app any repo can take: whoami's image and port. */
export const WHOAMI = ['--image=ghcr.io/traefik/whoami:v1.10.4', '--port=80'] as const;

/** `homeops app --dest <repo> --yes ...flags`, in process, as the tests run it. */
export const addApp = (repo: string, ...flags: string[]) =>
  homeops('app', '--dest', repo, '--yes', ...flags);
