/**
 * Every failure a user can act on is a HomeopsError: a code, a message, and where it is and how
 * to fix it. Only the CLI maps codes to exit codes (usage errors exit 2, an interrupted commit 128 + the signal, everything else 1).
 */
export type ErrorCode =
  | 'USAGE' // the command line itself is wrong: unknown generator, unknown flag
  | 'MISSING_INPUT' // a required input was not given and there is no terminal to ask
  | 'INVALID_INPUT' // an input's value is refused
  | 'CONFLICT' // the change collides with what the repo already has
  | 'LAYOUT' // the repo's layout is unknown, ambiguous or misconfigured
  | 'YAML' // a file of the repo (or a rendered one) is not valid YAML
  | 'VALIDATION' // a rendered document fails its schema
  | 'SOURCE_AUTH' // 1Password rejected the credentials
  | 'SOURCE_RATE_LIMIT' // 1Password rate limit
  | 'SOURCE_NOT_FOUND' // vault or item not found in 1Password
  | 'SOURCE_AMBIGUOUS' // duplicate titles or labels in 1Password
  | 'SOURCE_NETWORK' // 1Password could not be reached
  | 'WRITE' // the commit step could not write
  | 'INTERRUPTED'; // a signal (Ctrl-C, SIGTERM) stopped the commit, which undid what it wrote

export interface ErrorDetails {
  /** The input (flag name) at fault. */
  field?: string;
  /** The repo-relative file at fault. */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** What the user should do about it. */
  fix?: string;
}

export class HomeopsError extends Error {
  override readonly name = 'HomeopsError';
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly fix: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.code = code;
    this.field = details.field;
    this.file = details.file;
    this.line = details.line;
    this.fix = details.fix;
  }

  /** One readable block: where, what, and how to fix it. */
  format(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    const field = this.field ? `--${this.field}: ` : '';
    const fix = this.fix ? `\n  fix: ${this.fix}` : '';
    return `${where}${field}${this.message}${fix}`;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      field: this.field,
      file: this.file,
      line: this.line,
      fix: this.fix,
    };
  }
}

/** Several refusals at once (all invalid inputs are reported together, not one per run). */
export class HomeopsErrors extends Error {
  override readonly name = 'HomeopsErrors';
  constructor(readonly errors: HomeopsError[]) {
    super(errors.map((e) => e.format()).join('\n'));
  }
}

export const isHomeopsError = (e: unknown): e is HomeopsError => e instanceof HomeopsError;

/** The refusals a thrown value carries, or undefined when it is not one of ours (a bug). */
export function errorsOf(error: unknown): HomeopsError[] | undefined {
  return error instanceof HomeopsErrors
    ? error.errors
    : error instanceof HomeopsError
      ? [error]
      : undefined;
}
