// npm links the bins of dependencies into node_modules/.bin, but not the project's own.
// Link `tradebot` there too, so tools that look for node_modules/.bin/tradebot find it.
import { mkdirSync, rmSync, symlinkSync } from "node:fs";

mkdirSync("node_modules/.bin", { recursive: true });
rmSync("node_modules/.bin/tradebot", { force: true });
symlinkSync("../../bin/tradebot.js", "node_modules/.bin/tradebot");
