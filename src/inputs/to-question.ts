import { checkValue } from './resolve-inputs.ts';
import { parseInputValue, type Answers, type InputSpec } from './input-spec.ts';

/** An inquirer (9, legacy API, as plop ships it) question. */
export interface Question {
  type: 'input' | 'confirm' | 'list' | 'checkbox';
  name: string;
  message: string;
  choices?: (answers: Answers) => { name: string; value: string }[];
  default?: (answers: Answers) => Promise<unknown>;
  when?: (answers: Answers) => boolean;
  filter?: (value: unknown) => unknown;
  validate?: (value: unknown, answers?: Answers) => true | string;
}

/**
 * The prompt of an input: same name, same choices, same defaults, same validation as its flag.
 * `ctx` is taken lazily, so building the questions reads nothing of the repo.
 */
export function toQuestion<C>(spec: InputSpec<C>, ctx: () => C): Question {
  const closedChoice = spec.type === 'choice' && !spec.open && spec.choices;
  const type = spec.type === 'boolean' ? 'confirm' : closedChoice ? 'list' : spec.type === 'list' && spec.choices ? 'checkbox' : 'input';
  const question: Question = {
    type,
    name: spec.name,
    message: spec.open && spec.choices ? `${spec.message} (${preview(spec, ctx)})` : spec.message,
    default: async (answers) => {
      const value = await spec.default?.(ctx(), answers);
      return type === 'input' && Array.isArray(value) ? value.join(',') : value;
    },
    filter: (value) => {
      const parsed = parseInputValue(spec as InputSpec<unknown>, value === '' ? undefined : value);
      return 'value' in parsed ? parsed.value : value;
    },
    validate: (value, answers = {}) => {
      const parsed = parseInputValue(spec as InputSpec<unknown>, value === '' ? undefined : value);
      if ('problem' in parsed) return withFix(parsed.problem);
      if (parsed.value === undefined && spec.required) return `${spec.name} is required`;
      const problem = checkValue(spec, parsed.value, answers, ctx());
      return problem ? withFix(problem) : true;
    },
  };
  if (type === 'list' || type === 'checkbox') question.choices = (answers) => spec.choices!(ctx(), answers);
  if (spec.when) question.when = (answers) => spec.when!(answers, ctx());
  return question;
}

function preview<C>(spec: InputSpec<C>, ctx: () => C): string {
  const values = spec.choices!(ctx(), {}).map((c) => c.value);
  return values.length > 8 ? `${values.slice(0, 8).join(', ')}, ...` : values.join(', ') || 'none yet';
}

const withFix = (p: { message: string; fix?: string }) => (p.fix ? `${p.message} (${p.fix})` : p.message);
