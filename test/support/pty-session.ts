import { spawn, type IPty } from 'node-pty';

/** A program in a real pseudo-terminal, driven like a person: wait for a prompt, type an answer. */
export class PtySession {
  private readonly pty: IPty;
  private output = '';
  private seen = 0;
  readonly exited: Promise<number>;

  constructor(
    command: string,
    args: string[],
    options: { cwd: string; env?: Record<string, string> },
  ) {
    this.pty = spawn(command, args, {
      cwd: options.cwd,
      cols: 200,
      rows: 50,
      env: { ...process.env, ...options.env } as Record<string, string>,
    });
    this.pty.onData((data) => (this.output += data));
    this.exited = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Wait until `text` appears after what was already answered. */
  async waitFor(text: string | RegExp, timeoutMs = 20_000): Promise<void> {
    const start = Date.now();
    for (;;) {
      const fresh = plain(this.output.slice(this.seen));
      const at = typeof text === 'string' ? fresh.indexOf(text) : fresh.search(text);
      if (at >= 0) {
        this.seen = this.output.length;
        return;
      }
      if (Date.now() - start > timeoutMs)
        throw new Error(
          `timed out waiting for ${String(text)}; screen so far:\n${plain(this.output)}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Wait until one of `texts` appears after what was already answered; the first on screen. */
  async waitForAny(texts: readonly string[], timeoutMs = 20_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const fresh = plain(this.output.slice(this.seen));
      const found = texts
        .map((text) => ({ text, at: fresh.indexOf(text) }))
        .filter((f) => f.at >= 0)
        .sort((a, b) => a.at - b.at)[0];
      if (found) {
        this.seen = this.output.length;
        return found.text;
      }
      if (Date.now() - start > timeoutMs)
        throw new Error(
          `timed out waiting for any of ${texts.join(' | ')}; screen so far:\n${plain(this.output)}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Answer the prompt on screen (wait for it first) with keys followed by Enter. */
  async answer(prompt: string | RegExp, keys: string): Promise<void> {
    await this.waitFor(prompt);
    this.pty.write(keys);
    await new Promise((r) => setTimeout(r, 50));
    this.pty.write('\r');
  }

  /** Keys as they are, without Enter (Ctrl-C, a single letter). */
  write(keys: string): void {
    this.pty.write(keys);
  }

  /** What the program wrote, escape sequences (colours) included. */
  get raw(): string {
    return this.output;
  }

  get screen(): string {
    return plain(this.output);
  }

  kill(): void {
    this.pty.kill();
  }
}

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
