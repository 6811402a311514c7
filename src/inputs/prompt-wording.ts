import type { InputSpec, Problem } from './input-spec.ts';

/**
 * A refusal as said at a prompt. Checks word their fix for a command line ("pass --port=8080",
 * "choose another --name"); at a prompt the person answers a question instead, so flags become
 * what is typed or chosen there: "type 8080", "choose another name". A check that needs other
 * words at a prompt says so itself (`Problem.prompt`).
 */
export function promptWording(problem: Problem, spec: InputSpec<never>): string {
  if (problem.prompt) return problem.prompt;
  const fix = problem.fix ? reword(problem.fix, spec) : undefined;
  return fix ? `${problem.message}: ${fix}` : problem.message;
}

/** How a person gives an answer to this input's prompt. */
const verb = (spec: InputSpec<never>) =>
  spec.type === 'choice' || spec.type === 'list' || spec.type === 'boolean' ? 'choose' : 'type';

function reword(fix: string, spec: InputSpec<never>): string {
  return (
    fix
      // this input's own flag with a value: the value is what is typed (`e.g. --port=8080`)
      .replace(new RegExp(`--${spec.name}=(\\S+)`, 'g'), '$1')
      // another input's flag with a value: that answer (`--route=none` at another prompt)
      .replace(/--([a-zA-Z][a-zA-Z0-9]*)=(\S+)/g, (_m, name: string, value: string) =>
        name === spec.name ? value : `${words(name)} ${value}`,
      )
      // a flag named alone: the question it is (`choose another --name`)
      .replace(/--([a-zA-Z][a-zA-Z0-9]*)/g, (_m, name: string) => words(name))
      // "pass X" is how a command line gives it; a prompt is answered
      .replace(/^pass /, `${verb(spec)} `)
      .replace(/, or pass /g, `, or ${verb(spec)} `)
  );
}

/** `createNamespace` -> "create namespace": an input's name as words. */
export const words = (name: string): string =>
  name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
