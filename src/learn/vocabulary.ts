import { RELEASE_NAME, RELEASE_TEXT } from '../text/helm-release-name.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';

/**
 * The names an app's files are written from: its own name, its namespace, its cluster. A sibling's
 * text is abstracted by replacing them with placeholders (`gatus-secret` -> `⟪app⟫-secret`,
 * `./kubernetes/apps/media/gatus/app` -> `./kubernetes/apps/⟪ns⟫/⟪app⟫/app`), so that what many
 * apps write the same way counts as one convention; a new app's text is made by filling them in.
 */
export type Token = 'app' | 'ns' | 'cluster' | 'group' | 'port' | 'release' | 'size';

export type Vocabulary = Partial<Record<Token, string>>;

const OPEN = '⟪';
const CLOSE = '⟫';

export const placeholder = (token: Token): string => `${OPEN}${token}${CLOSE}`;

const PLACEHOLDER = /⟪([a-z]+)⟫/g;

/**
 * Words that name folders (a cluster, a group) are common words (`home`, `lab`, `apps`): they
 * count as the word only as a whole path segment (`kubernetes/home/apps`), or for the cluster, as
 * a whole value, never inside a name (`home-operations.com`).
 */
const SEGMENT_TOKENS: readonly Token[] = ['cluster', 'group'];

/**
 * A storage size is no word to look for (`2Gi` is a memory limit too): it is known only where a
 * text says it is one, a generator literal such as `STORAGE_SIZE=2Gi` (a backup component's).
 */
const SIZE_LITERAL = /^([A-Z][A-Z0-9_]*(?:SIZE|CAPACITY)[A-Z0-9_]*=)\d+(?:\.\d+)?[KMGTPE]i?$/;

/** A vocabulary made ready to abstract many texts: its regular expressions built once. */
interface Abstractor {
  cluster: string | undefined;
  /** Folder words, each matched as a whole path segment. */
  segments: [RegExp, string][];
  /** The other words, longest first, at word boundaries; null when there are none. */
  words: RegExp | null;
  tokenOf: Map<string, Token>;
}

/** Vocabularies are made once per app and never changed: their abstractor is built once too. */
const abstractors = new WeakMap<Vocabulary, Abstractor>();

function abstractorOf(vocab: Vocabulary): Abstractor {
  let done = abstractors.get(vocab);
  if (done) return done;
  const segments: [RegExp, string][] = [];
  const tokenOf = new Map<string, Token>();
  for (const [token, word] of Object.entries(vocab) as [Token, string | undefined][]) {
    if (!word || token === 'size') continue;
    if (SEGMENT_TOKENS.includes(token))
      segments.push([new RegExp(`(?<=^|/)${escapeRegExp(word)}(?=/|$)`, 'g'), placeholder(token)]);
    else if (!tokenOf.has(word)) tokenOf.set(word, token);
  }
  const words = [...tokenOf.keys()].sort((a, b) => b.length - a.length);
  done = {
    cluster: vocab.cluster || undefined,
    segments,
    words: words.length
      ? new RegExp(`(?<![A-Za-z0-9])(${words.map(escapeRegExp).join('|')})(?![A-Za-z0-9])`, 'g')
      : null,
    tokenOf,
  };
  abstractors.set(vocab, done);
  return done;
}

/**
 * Whether two of the vocabulary's words are the same (an app named like its namespace): its text
 * cannot tell which one a word stands for, so it is a poor example to learn names from.
 */
export function isAmbiguous(vocab: Vocabulary): boolean {
  const words = Object.values(vocab).filter((w): w is string => !!w);
  return new Set(words).size < words.length;
}

/** `gatus-secret` -> `⟪app⟫-secret` for `{ app: 'gatus' }`. */
export function abstractText(text: string, vocab: Vocabulary): string {
  if (text.includes('{{')) text = text.replace(RELEASE_NAME, placeholder('release'));
  const size = SIZE_LITERAL.exec(text);
  if (size) return `${size[1]}${placeholder('size')}`;
  const { cluster, segments, words, tokenOf } = abstractorOf(vocab);
  // a value that is the cluster's name and nothing else (`CLUSTER: dev`) stands for the cluster
  if (cluster && text === cluster) return placeholder('cluster');
  // folder words are a repo's paths' segments, never a URL's (`flux2-schemas/main/...`: a branch)
  if (text.includes('/') && !text.includes('://'))
    for (const [re, to] of segments) text = text.replace(re, to);
  if (!words) return text;
  return text.replace(words, (word) => placeholder(tokenOf.get(word) ?? 'app'));
}

/** Whether a text holds placeholders. */
export const hasPlaceholder = (text: string): boolean => text.includes(OPEN);

/** The placeholders a text holds. */
export function placeholdersOf(text: string): Token[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as Token);
}

/**
 * `⟪app⟫-secret` -> `whoami-secret`. Returns undefined when the vocabulary lacks a word the text
 * needs (the text then cannot be written for this app).
 */
export function fillText(text: string, vocab: Vocabulary): string | undefined {
  if (!hasPlaceholder(text)) return text;
  let missing = false;
  const filled = text.replace(PLACEHOLDER, (_, token: string) => {
    if (token === 'release') return RELEASE_TEXT;
    // a group folder named as the namespace is left out of the words: it is that word
    const word = vocab[token as Token] ?? (token === 'group' ? vocab.ns : undefined);
    if (word === undefined) missing = true;
    return word ?? '';
  });
  return missing ? undefined : filled;
}

/** A learned pattern filled for this app, else `fallback` (no pattern, or a word it needs is missing). */
export const fillOr = (pattern: string, vocab: Vocabulary, fallback: string): string =>
  (pattern && fillText(pattern, vocab)) || fallback;
