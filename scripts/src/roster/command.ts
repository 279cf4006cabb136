/** One `pnpm roster <name>` subcommand. */
export interface Command {
  readonly name: string;
  /** One line for `pnpm roster --help`. */
  readonly summary: string;
  /** Usage lines shown by `pnpm roster <name> --help`. */
  readonly usage: string;
  /** Resolves with the process exit code. */
  run(args: readonly string[]): Promise<number>;
}
