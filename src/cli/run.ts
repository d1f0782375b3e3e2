/** The `tradebot` dispatcher: finds the subcommand (one or two words), runs it, maps errors to exit codes. */
import { resolve } from "node:path";
import { loadCliSettings } from "../config-cli.js";
import { ConfigError } from "../config-error.js";
import { StoreError } from "../store/errors.js";
import type { CliCommand, CliContext } from "./command.js";
import { UsageError } from "./command.js";
import { type CommandEntry, commands } from "./commands/index.js";

/** The streams and environment a run uses; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** The real clock; `TRADEBOT_NOW` overrides it. */
  clock?: () => Date;
}

/** The usage message, generated from the command list so it cannot drift. */
export async function usage(entries: readonly CommandEntry[] = commands): Promise<string> {
  const list = await Promise.all(entries.map((e) => e.load()));
  const width = Math.max(...list.map((c) => c.name.length));
  return [
    "Usage: tradebot <command> [options]",
    "",
    "Commands:",
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    ...list.map((c) => `  tradebot ${c.name}${c.usage ? ` ${c.usage}` : ""}`),
  ].join("\n");
}

async function find(argv: string[]): Promise<{ command: CliCommand; rest: string[] } | undefined> {
  const two = argv.slice(0, 2).join(" ");
  const byTwo = commands.find((c) => c.name === two);
  if (byTwo) return { command: await byTwo.load(), rest: argv.slice(2) };
  const byOne = commands.find((c) => c.name === argv[0]);
  return byOne ? { command: await byOne.load(), rest: argv.slice(1) } : undefined;
}

/** Runs one command line; resolves to the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help" || argv[0] === "-h") {
    io[argv.length === 0 ? "err" : "out"](await usage());
    return argv.length === 0 ? 2 : 0;
  }
  const found = await find(argv);
  const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
  if (!found && group.length && argv.length === 1) {
    // "tradebot kb": list the commands of that group rather than calling it unknown.
    io.err(
      `tradebot ${argv[0]}: give one of: ${group.map((c) => c.name).join(", ")}\n\n${await usage(group)}`,
    );
    return 2;
  }
  if (!found) {
    io.err(`tradebot: unknown command "${argv.slice(0, 2).join(" ")}"\n\n${await usage()}`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`Usage: tradebot ${command.name} ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  let settings: ReturnType<typeof loadCliSettings>;
  try {
    settings = loadCliSettings(io.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
  const clock = io.clock ?? (() => new Date());
  const ctx: CliContext = {
    out: io.out,
    err: io.err,
    stdin: io.stdin,
    env: io.env,
    knowledgeDir: resolve(settings.knowledgeDir),
    now: settings.now ? () => settings.now as Date : clock,
  };
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    if (err instanceof UsageError || code.startsWith("ERR_PARSE_ARGS")) {
      io.err(
        `tradebot ${command.name}: ${usageMessage(err as Error)}\nUsage: tradebot ${command.name} ${command.usage}`,
      );
      return 2;
    }
    // The database could not be opened or reached: one sentence naming it (password hidden).
    if (err instanceof StoreError) {
      io.err(`tradebot ${command.name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

/** Node's argument-parser messages, said briefly: "unknown option --bogus". */
function usageMessage(err: Error): string {
  const unknown = /Unknown option '([^']+)'/.exec(err.message);
  if (unknown) return `unknown option ${unknown[1]}`;
  return err.message.replace(/\. To specify a positional argument.*$/s, "");
}
