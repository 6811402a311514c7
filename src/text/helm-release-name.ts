/**
 * Helm's name for the release, as chart templates and app-template values write it:
 * `{{ .Release.Name }}`. Text Helm fills in, so a file holding it is YAML only once rendered.
 */
export const RELEASE_NAME = /\{\{\s*\.Release\.Name\s*\}\}/g;
export const RELEASE_TEXT = '{{ .Release.Name }}';

/** A chart template rendered as far as the release name, for a YAML check: the name a release could have. */
export const withReleaseName = (text: string, name = 'release-name'): string =>
  text.replace(RELEASE_NAME, name);
