/**
 * Whether a repo starts its patch files with a `---` line, learned from those files: most of them
 * decide; a tie, or no file to learn from, keeps the marker the catalog renders.
 */

/** The file's first line that is not blank or a comment is `---` (a `# yaml-language-server` line may come first). */
export function startsWithMarker(text: string): boolean {
  const first = text.split('\n').find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  return first !== undefined && /^---\s*$/.test(first);
}

export function usesDocumentMarkers(texts: readonly string[]): boolean {
  const marked = texts.filter(startsWithMarker).length;
  return texts.length === 0 || marked * 2 >= texts.length;
}

/** Rendered patch text (it starts with `---`) without that first marker where the repo writes none; later ones separate documents and stay. */
export const inMarkerStyle = (text: string, markers: boolean): string =>
  markers ? text : text.replace(/^---\n/, '');
