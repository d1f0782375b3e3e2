#!/usr/bin/env node
// The `tradebot` command. The TypeScript is compiled to dist/ by `npm run build` (run by `npm ci` via prepare).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error("tradebot is not built yet: run `npm run build` (npm ci does it for you).");
  process.exit(1);
}
await import(entry.href);
