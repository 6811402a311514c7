import { HomeopsError } from '../errors.ts';

/** Where Ctrl-C and SIGTERM come from: the process, or a test that sends them at a chosen step. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: () => void): void;
  off(signal: NodeJS.Signals, listener: () => void): void;
  /** Send it again once nothing listens (the default action then ends the process). */
  raise(signal: NodeJS.Signals): void;
}

export const processSignals: SignalSource = {
  on: (signal, listener) => void process.on(signal, listener),
  off: (signal, listener) => void process.off(signal, listener),
  raise: (signal) => void process.kill(process.pid, signal),
};

const TRAPPED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The run was stopped by a signal; what it had written was undone. */
export class InterruptedError extends HomeopsError {
  constructor(readonly signal: NodeJS.Signals) {
    super('INTERRUPTED', `interrupted by ${signal} while writing; nothing was changed`, {
      fix: 'run the command again',
    });
  }
}

/**
 * Holds SIGINT, SIGTERM and SIGHUP while the commit runs, so that a signal stops it between two
 * steps (and what it wrote is undone) instead of in the middle of one.
 */
export class SignalTrap {
  caught: NodeJS.Signals | undefined;
  private readonly listeners: (readonly [NodeJS.Signals, () => void])[];

  constructor(private readonly source: SignalSource) {
    this.listeners = TRAPPED.map((signal) => {
      const listener = () => void (this.caught ??= signal);
      source.on(signal, listener);
      return [signal, listener] as const;
    });
  }

  throwIfCaught(): void {
    if (this.caught) throw new InterruptedError(this.caught);
  }

  /** Stop listening. */
  release(): void {
    for (const [signal, listener] of this.listeners) this.source.off(signal, listener);
  }

  /**
   * Stop listening after a complete change: a signal that came after the last check is sent
   * again, so the run still ends as asked (with every file written).
   */
  releaseAfterSuccess(): void {
    this.release();
    if (this.caught) this.source.raise(this.caught);
  }
}

/** One turn of the event loop, so a signal that arrived is seen before the next step. */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
