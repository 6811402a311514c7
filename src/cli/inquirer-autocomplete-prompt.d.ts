// inquirer-autocomplete-prompt 3 ships no types: a legacy inquirer-9 prompt class.
declare module 'inquirer-autocomplete-prompt' {
  const AutocompletePrompt: new (...args: never[]) => object;
  export default AutocompletePrompt;
}
