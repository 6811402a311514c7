/**
 * Reads each key at most once per source: concurrent and later calls share the first read, and
 * each caller gets its own copy. 1Password counts every call against an hourly limit, and reading
 * an item decrypts its values, so sources list each vault once and read only the items the user
 * picked, once. A failed read is forgotten so it can be retried.
 */
export class ReadOnce<T> {
  readonly #reads = new Map<string, Promise<T>>();

  get(key: string, read: () => Promise<T>): Promise<T> {
    let pending = this.#reads.get(key);
    if (!pending) {
      pending = read();
      this.#reads.set(key, pending);
      pending.catch(() => this.#reads.delete(key));
    }
    return pending.then((value) => structuredClone(value));
  }
}
