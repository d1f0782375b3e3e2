/**
 * The shape of a `tradebot` subcommand. Each lives in its own file under `src/cli/commands/`
 * and is listed once in `src/cli/commands/index.ts`; usage and help are generated from these.
 */

/** What a command is given: its streams, the clock, and where the knowledge lives. */
export interface CliContext {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  /** The clock; the core never reads it itself. `TRADEBOT_NOW` can pin it for demos and tests. */
  now: () => Date;
  /** Resolved path of the knowledge folder. */
  knowledgeDir: string;
  /** Process environment, read only through `loadConfig` by commands that need configuration. */
  env: NodeJS.ProcessEnv;
}

/** Thrown for bad arguments; the CLI prints the message with the command's usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** One subcommand: `name` may have two words ("kb check"). Returns the exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  /** The argument synopsis after the name: `[--json] "question"`. */
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
