import { inspect } from 'node:util';

const REDACTED = '[REDACTED]';

/**
 * A credential read from the environment. Printing, logging, JSON-encoding or interpolating it
 * shows [REDACTED]; only `reveal()` hands out the string, and only sources call it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The raw credential. Pass it straight to a client; never store or print it. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
