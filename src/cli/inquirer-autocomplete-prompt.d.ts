// inquirer-autocomplete-prompt 3 ships no types: a legacy inquirer-9 prompt class, with the
// members SteadyAutocomplete uses.
declare module 'inquirer-autocomplete-prompt' {
  export default class AutocompletePrompt {
    constructor(...args: never[]);
    /** A search (the filter over the choices) is running. */
    searching: boolean;
    /** The running search. */
    lastPromise: Promise<unknown> | undefined;
    onSubmit(line: string): void;
  }
}
