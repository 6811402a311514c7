import AutocompletePrompt from 'inquirer-autocomplete-prompt';

/**
 * The autocomplete prompt for long pick lists, steady under a fast typist: Enter pressed while
 * the list is being filtered waits for the filter's result. inquirer-autocomplete-prompt 3 clears
 * its choices when a search starts and, on Enter before the search ends, reads the selected
 * choice from the empty list and crashes the run.
 */
export class SteadyAutocomplete extends AutocompletePrompt {
  override onSubmit(line: string): void {
    if (this.searching && this.lastPromise) {
      const pending = this.lastPromise;
      void pending.then(
        () => this.onSubmit(line),
        () => this.onSubmit(line),
      );
      return;
    }
    super.onSubmit(line);
  }
}
