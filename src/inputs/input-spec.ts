import { textProblem } from './value-text.ts';

/** One input of a generator, declared once: it is the flag, the prompt and the validation. */
export type InputType = 'string' | 'number' | 'boolean' | 'choice' | 'list';

export type Answers = Record<string, unknown>;

export interface Problem {
  message: string;
  fix?: string;
  /** The input at fault when it is another than the one being checked. */
  field?: string;
  /**
   * The refusal as said at a prompt, where `message` and `fix` speak of flags. Without it the
   * prompt words them itself (see prompt-wording.ts).
   */
  prompt?: string;
}

/** A `when` that says in words when it holds ("with --route=internal or external"), for messages. */
export function applies<A extends unknown[]>(
  text: string,
  test: (...args: A) => boolean,
): ((...args: A) => boolean) & { text: string } {
  return Object.assign((...args: A) => test(...args), { text });
}

export interface Choice {
  name: string;
  value: string;
  /**
   * Why it cannot be picked (shown greyed beside it): a value that exists but that this run cannot
   * take, left to the input's own check to explain when it is passed as a flag.
   */
  disabled?: string;
}

export interface InputSpec<C> {
  /** The answer key and the flag (`--name=value`). */
  name: string;
  /**
   * Other flags for the same input, where a layout's own word and the shared one both are in use
   * (ClusterTool's `--layer` is the `--group` of the other layouts).
   */
  aliases?: readonly string[];
  /** The prompt's question. */
  message: string;
  /** One line for --help. */
  help: string;
  type: InputType;
  /** Must end up with a value (given, answered, or from its default). */
  required?: boolean;
  /**
   * Choices of a choice or list input; a closed choice input refuses anything else. May ask a
   * service (1Password); `query` is what the user typed for a `search` input.
   */
  choices?: (ctx: C, answers: Answers, query?: string) => Choice[] | Promise<Choice[]>;
  /** Prompt for a part of the name first, then offer the matching choices. */
  search?: boolean;
  /**
   * Why its choices cannot be looked up now (1Password offline), or undefined when they can. The
   * reason is said once a run, and the name is asked once, typed exactly.
   */
  offline?: (ctx: C, answers: Answers) => string | undefined;
  /**
   * Rarely changed (a chart, a mount path): a prompt takes its default and asks it only when the
   * person answers yes to "More options?". Flags and answers files set it as any other input.
   */
  advanced?: boolean;
  /** False: a flag or answers-file input only, never prompted (e.g. the 1Password source). */
  prompt?: false;
  /** Whether a choice input accepts a value outside `choices` (e.g. a new namespace). */
  open?: boolean;
  /** Value used when none is given: shown in the prompt, taken as is with --yes or without a terminal. */
  default?: (ctx: C, answers: Answers) => unknown | Promise<unknown>;
  /** Whether the input applies at all, given the answers before it (a flag given anyway is refused). */
  when?: (answers: Answers, ctx: C) => boolean;
  /** Whether a prompt should ask for it (it still applies, and takes its default, when not asked). */
  askWhen?: (answers: Answers, ctx: C) => boolean;
  /** A refusal, or undefined when the value is fine. Gets the parsed value. */
  validate?: (
    value: never,
    answers: Answers,
    ctx: C,
  ) => Problem | undefined | Promise<Problem | undefined>;
  /**
   * A refusal made only at a prompt: the answer names something the repo has already (an app in
   * that namespace, a node's hostname). A person typing it means a new one and is told at once;
   * the same value from a flag is a second run, which changes nothing (or is refused by the plan
   * when it would change something). `field` names the earlier input to go back to, if another.
   */
  taken?: (value: never, answers: Answers, ctx: C) => Problem | undefined;
}

/**
 * Parse a flag's text (or an answers-file value) into the input's type, or a problem. Numbers are
 * decimal digits only (`0x50`, `1e3` and `[80]` are refused); no value may be a mapping, hold a
 * control character or be longer than MAX_VALUE_LENGTH; lists split at commas and newlines.
 */
export function parseInputValue(
  spec: InputSpec<unknown>,
  raw: unknown,
): { value: unknown } | { problem: Problem } {
  if (raw === undefined || raw === null) return { value: undefined };
  const single = {
    problem: {
      message: `expected a single value, got ${Array.isArray(raw) ? 'a list' : 'a mapping'}`,
      fix: `pass --${spec.name}=<value>`,
    },
  };
  if (spec.type === 'list') {
    const items = Array.isArray(raw) ? raw : String(raw).split(/[,\n]/);
    if (items.some((v) => v !== null && typeof v === 'object'))
      return {
        problem: {
          message: 'expected a list of single values',
          fix: `pass --${spec.name}=a,b,c`,
        },
      };
    const values = items.map((v) => String(v ?? '').trim()).filter(Boolean);
    const problem = values.map((v) => textProblem(v, spec.name)).find(Boolean);
    return problem ? { problem } : { value: values };
  }
  if (typeof raw === 'object') return single;
  const text = String(raw).trim();
  const problem = textProblem(text, spec.name);
  if (problem) return { problem };
  switch (spec.type) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : /^[0-9]+$/.test(text) ? Number(text) : NaN;
      if (!Number.isSafeInteger(n))
        return {
          problem: {
            message: `"${text}" is not a whole number (decimal digits only)`,
            fix: `pass --${spec.name}=<number>, e.g. --${spec.name}=8080`,
            prompt: `"${text}" is not a whole number: type decimal digits only`,
          },
        };
      return { value: n };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const s = text.toLowerCase();
      if (['y', 'yes', 'true', '1', ''].includes(s)) return { value: true };
      if (['n', 'no', 'false', '0'].includes(s)) return { value: false };
      return {
        problem: {
          message: `"${text}" is not yes or no`,
          fix: `pass --${spec.name}=true or --${spec.name}=false`,
        },
      };
    }
    default:
      return { value: text };
  }
}
