/** Entry point of the `tradebot` command (bin/tradebot.js imports the compiled form of this file). */
import { runCli } from "./run.js";

const write = (stream: NodeJS.WriteStream) => (text: string) => stream.write(`${text}\n`);

runCli(process.argv.slice(2), {
  out: write(process.stdout),
  err: write(process.stderr),
  stdin: process.stdin,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`tradebot: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
